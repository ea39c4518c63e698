using Agent.Core.Execution;
using System.Text.Json;
using Agent.Core.Executors.Argo;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Tests.Argo.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Operations.Handlers;

public sealed class PipelineStatusHandlerTests
{
    private static readonly DateTimeOffset Created = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HandleAsync_AskedTwiceAtDifferentTimes_StampsEachRunWithItsCreationTime()
    {
        var time = new FakeTimeProvider(Created.AddHours(1));
        var handler = Handler(time, Workflow("wf-1", Created, "Succeeded", "Succeeded"), Workflow("wf-2", Created.AddMinutes(5), "Running", "Running"));

        var first = await StatusesAsync(handler);
        time.Advance(TimeSpan.FromMinutes(7));
        var second = await StatusesAsync(handler);

        Assert.Equal([Created.AddMinutes(5).ToUnixTimeMilliseconds(), Created.ToUnixTimeMilliseconds()], first.Select(status => status.Timestamp));
        Assert.Equal(first.Select(status => status.Timestamp), second.Select(status => status.Timestamp));
    }

    [Fact]
    public async Task HandleAsync_RunningWorkflowWhoseMainPodPullsItsImage_IsQueuedWithTheReason()
    {
        var handler = Handler(new FakeTimeProvider(Created), Workflow("wf-1", Created, "Running", "Pending", "ErrImagePull: manifest unknown"));

        var status = Assert.Single(await StatusesAsync(handler));

        Assert.Equal(PipelineStates.Queued, status.PipelineState);
        Assert.Equal("ErrImagePull: manifest unknown", status.Message);
    }

    private static PipelineStatusHandler Handler(TimeProvider time, params ArgoWorkflow[] workflows) =>
        new(ArgoExecutors.Over(new FakeArgoWorkflowClient(workflows), FakeArgo.AgentId), time);

    private static async Task<IReadOnlyList<RunStatusPayload>> StatusesAsync(PipelineStatusHandler handler)
    {
        var payload = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["pipelineFqn"] = FakeArgo.PipelineFqn });
        var result = await handler.HandleAsync(new Envelope(MessageTypes.PipelineStatus, Guid.NewGuid().ToString(), Created, payload), CancellationToken.None);
        Assert.True(result.Ok, result.Reason);
        return result.Data!.Value.Deserialize(ProtocolJsonContext.Default.PipelineStatusesData)!.Statuses;
    }

    private static ArgoWorkflow Workflow(string name, DateTimeOffset created, string phase, string mainPodPhase, string? nodeMessage = null)
    {
        var labels = new Dictionary<string, string> { [WorkflowLabels.Pipeline] = LabelValues.ForPipeline(FakeArgo.PipelineFqn) };
        var annotations = new Dictionary<string, string> { [WorkflowLabels.RunIdAnnotation] = "run-" + name };
        return new ArgoWorkflow(name, "ns", labels, annotations, phase, created, created.AddSeconds(2), null, null, null, "1")
        {
            Nodes = [new WorkflowNode(name, name, "Pod", "ingestion", mainPodPhase, nodeMessage)],
        };
    }
}
