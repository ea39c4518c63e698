using Agent.Core.Logs;

namespace Agent.Tests.Operations.Handlers;

/// <summary>Measures process-wide allocation, so it runs alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasuring
{
    public const string Name = "Allocation measuring";
}

[Collection(AllocationMeasuring.Name)]
public sealed class PipelineLogsAllocationTests
{
    /// <summary>
    /// One page costs about one page of memory, not the log: the page kept as UTF-8 (1 MB), its string (2 MB of
    /// UTF-16), its JSON answer (1 MB), reading buffers and the runtime's own small change. 8 MB bounds that with room
    /// to spare; reading the whole 30 MB log into one string, as before, allocated about 233 MB. Allocation, unlike
    /// time, does not depend on the machine's load.
    /// </summary>
    [Fact]
    public async Task HandleAsync_FirstPageOf30MbLog_AllocatesAboutOnePage()
    {
        var (argo, _) = PipelineLogsHandlerTests.ThirtyMegabyteRun();
        var handler = PipelineLogsHandlerTests.Handler(argo);
        await handler.HandleAsync(PipelineLogsHandlerTests.Request(null), CancellationToken.None);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await handler.HandleAsync(PipelineLogsHandlerTests.Request(null), CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(LogPager.ChunkBytes, result.Data!.Value.GetProperty("ingestion_task").GetString()!.Length);
        Assert.True(allocated < 8L * 1024 * 1024, $"one page allocated {allocated / (1024 * 1024)} MB");
    }

    /// <summary>The last page needs the whole log read past, but still only one page kept: the same bound holds.</summary>
    [Fact]
    public async Task HandleAsync_LastPageOf30MbLog_AllocatesAboutOnePage()
    {
        var (argo, pod) = PipelineLogsHandlerTests.ThirtyMegabyteRun();
        var handler = PipelineLogsHandlerTests.Handler(argo);
        await handler.HandleAsync(PipelineLogsHandlerTests.Request(null), CancellationToken.None);

        // Every line is 199 characters and a newline.
        var lastPage = ((200 * pod.LineCount) - 1) / LogPager.ChunkBytes;

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await handler.HandleAsync(PipelineLogsHandlerTests.Request(lastPage.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(result.Ok, result.Reason);
        Assert.False(result.Data!.Value.TryGetProperty("after", out _));
        Assert.Equal((lastPage + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), result.Data!.Value.GetProperty("total").GetString());
        Assert.True(allocated < 8L * 1024 * 1024, $"the last page allocated {allocated / (1024 * 1024)} MB");
    }
}
