using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Agent.Benchmarks.Gateway;

/// <summary>
/// A forced full GC in another .NET process, and its managed heap after it, through the runtime's diagnostic port:
/// an EventPipe session with the <c>GCHeapCollect</c> keyword makes the runtime run an induced, blocking gen-2
/// collection when the session starts (the way <c>dotnet-gcdump</c> and PerfView's "Force GC" do), and the
/// <c>GCHeapStats</c> event at its end gives the size of every generation. The gateway exports no heap gauge of
/// its own, so this is how its managed heap is read.
/// </summary>
internal static class GcProbe
{
    /// <summary>Forces a full GC in process <paramref name="pid"/>; returns its managed heap after it, in MB (NaN if no event came).</summary>
    public static async Task<double> CollectAsync(int pid, TimeSpan timeout)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var client = new DiagnosticsClient(pid);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, keywords)], requestRundown: false);
        var heap = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullGc = false;
        using var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCStart += start => fullGc = start.Depth == 2;
        source.Clr.GCHeapStats += stats =>
        {
            if (fullGc)
            {
                heap.TrySetResult(stats.TotalHeapSize / 1024.0 / 1024.0);
            }
        };
        var processing = Task.Run(source.Process);
        var size = await Task.WhenAny(heap.Task, Task.Delay(timeout)) == heap.Task ? heap.Task.Result : double.NaN;
        await session.StopAsync(CancellationToken.None);
        await processing;
        return size;
    }
}
