using System.Text.Json;
using Agent.Core.Executors.Argo;
using Agent.Core.Operations;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Tests.Argo.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Operations.Handlers;

/// <summary><c>pipeline.kill</c> over several runs goes on past one that fails and reports each run (issue 12, finding 10).</summary>
public sealed class PipelineKillHandlerTests
{
    [Fact]
    public async Task HandleAsync_SecondOfThreeStopsFails_StopsTheOthersAndReportsEachRun()
    {
        var argo = new StoppingArgoClient(
            StoppingArgoClient.Active("wf-a", "run-a"), StoppingArgoClient.Active("wf-b", "run-b"), StoppingArgoClient.Active("wf-c", "run-c"));
        argo.StopFailures["wf-b"] = new HttpRequestException("connection refused");
        using var terminator = Terminator(argo);

        var result = await Handler(argo, terminator).HandleAsync(Request(), CancellationToken.None);

        Assert.Equal(["wf-a", "wf-b", "wf-c"], argo.Shutdowns.Select(shutdown => shutdown.Name));
        Assert.Equal((false, ResultCodes.ArgoUnreachable), (result.Ok, result.Code));
        Assert.Contains("run-b", result.Reason, StringComparison.Ordinal);
        var data = result.Data!.Value.Deserialize(ProtocolJsonContext.Default.KilledRunsData)!;
        Assert.Equal(["run-a", "run-c"], data.Stopped);
        var failed = Assert.Single(data.Failed);
        Assert.Equal(("run-b", ResultCodes.ArgoUnreachable), (failed.RunId, failed.Code));
        Assert.Contains("connection refused", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_EveryStopSucceeds_AnswersOkWithNoFailures()
    {
        var argo = new StoppingArgoClient(StoppingArgoClient.Active("wf-a", "run-a"), StoppingArgoClient.Active("wf-b", "run-b"));
        using var terminator = Terminator(argo);

        var result = await Handler(argo, terminator).HandleAsync(Request(), CancellationToken.None);

        Assert.True(result.Ok, result.Reason);
        var data = result.Data!.Value.Deserialize(ProtocolJsonContext.Default.KilledRunsData)!;
        Assert.Equal(["run-a", "run-b"], data.Stopped);
        Assert.Empty(data.Failed);
    }

    [Fact]
    public async Task HandleAsync_CancelledWhileStopping_IsCancellationNotAFailedRun()
    {
        var argo = new StoppingArgoClient(StoppingArgoClient.Active("wf-a", "run-a"));
        argo.StopFailures["wf-a"] = new OperationCanceledException();
        using var terminator = Terminator(argo);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Handler(argo, terminator).HandleAsync(Request(), CancellationToken.None));
    }

    private static RunTerminator Terminator(IArgoWorkflowClient argo) =>
        new(argo, Options.Create(new ArgoOptions()), new FakeTimeProvider(), NullLogger<RunTerminator>.Instance);

    private static PipelineKillHandler Handler(IArgoWorkflowClient argo, RunTerminator terminator) =>
        new(ArgoExecutors.Over(argo, FakeArgo.AgentId, terminator), NullLogger<PipelineKillHandler>.Instance);

    private static Envelope Request() => new(
        MessageTypes.PipelineKill,
        Guid.NewGuid().ToString(),
        DateTimeOffset.UnixEpoch,
        JsonSerializer.SerializeToElement(new PipelineFqnRequest(FakeArgo.PipelineFqn), ProtocolJsonContext.Default.PipelineFqnRequest));
}
