using Agent.Core.Executors.Argo;
using Agent.Tests.Argo.Fakes;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Runs;

/// <summary>The terminate that follows a stop runs in the background; whatever makes it fail is logged, not dropped (issue 12, finding 10).</summary>
public sealed class RunTerminatorTests
{
    private const int TerminateFailedEventId = 2402;

    [Fact]
    public async Task StopAsync_ReadAfterGraceFailsWithoutAnArgoError_LogsTheFailure()
    {
        var argo = new StoppingArgoClient(StoppingArgoClient.Active("wf-a", "run-a"));
        argo.ReadFailures["wf-a"] = new HttpRequestException("connection reset");
        var time = new FakeTimeProvider();
        var logger = new FakeLogger<RunTerminator>();
        using var terminator = new RunTerminator(argo, Options.Create(new ArgoOptions { KillGraceSeconds = 30 }), time, logger);

        await terminator.StopAsync("wf-a", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));
        var logged = await FirstAsync(logger.Collector, TerminateFailedEventId);

        Assert.IsType<HttpRequestException>(logged.Exception);
        Assert.Equal([("wf-a", ShutdownStrategy.Stop)], argo.Shutdowns);
    }

    private static async Task<FakeLogRecord> FirstAsync(FakeLogCollector collector, int eventId)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        await foreach (var record in collector.GetLogsAsync(timeout.Token))
        {
            if (record.Id.Id == eventId)
            {
                return record;
            }
        }

        throw new InvalidOperationException("log ended");
    }
}
