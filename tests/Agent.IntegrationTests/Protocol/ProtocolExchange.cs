using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Protocol;

/// <summary>
/// Drives the real agent through every message it can send: hello, heartbeats (at 1 s), a result for each answer
/// the spec names (ok run, ok service status, unknown type, bad payload, past deadline, a duplicate id), the
/// run's <c>run.status</c> messages, and an <c>error</c> for each kind of unreadable frame. Then it reads the
/// raw frames back from the sandbox's <c>GET /sandbox/agents/{id}/frames</c>.
/// </summary>
internal sealed class ProtocolExchange : IAsyncDisposable
{
    public const string PipelineFqn = "sandbox_mysql.protocol_conformance";
    public const string UnknownType = "pipeline.frobnicate";
    public const string NoTypeFrameId = "frame-without-type";

    private readonly AgentRig _rig;

    private ProtocolExchange(AgentRig rig)
    {
        _rig = rig;
    }

    public SandboxServer Sandbox => _rig.Sandbox;

    public AgentApplication Agent => _rig.Agent;

    public ControlPlaneServer ControlPlane => Sandbox.ControlPlane;

    public string RunId { get; } = Guid.NewGuid().ToString();

    public Dictionary<string, JsonElement> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of the requests that are invalid on purpose and so must not validate against a request schema.</summary>
    public HashSet<string> InvalidRequestIds { get; } = new(StringComparer.Ordinal);

    public static async Task<ProtocolExchange> RunAsync(string agentId, CancellationToken cancellationToken)
    {
        var exchange = new ProtocolExchange(await AgentRig.StartAsync(agentId, new Dictionary<string, string?> { ["Sandbox:ControlPlane:HeartbeatSeconds"] = "1", ["Sandbox:ControlPlane:ServerVersion"] = "1.13.3" }));
        await exchange.SendRequestsAsync(cancellationToken);
        await exchange.SendGarbageAsync(cancellationToken);
        await exchange.ControlPlane.WaitForFrameAsync(agentId, FrameDirection.Received, MessageTypes.Heartbeat, cancellationToken);
        await exchange.ControlPlane.WaitForFrameAsync(agentId, FrameDirection.Sent, MessageTypes.HeartbeatAck, cancellationToken);
        await exchange.ControlPlane.WaitForStatusAsync(s => s.RunId == exchange.RunId && s.PipelineState == PipelineStates.Success, cancellationToken);
        return exchange;
    }

    /// <summary>The agent's frames as the sandbox's REST API returns them.</summary>
    public async Task<IReadOnlyList<RecordedFrame>> GetFramesAsync(FrameDirection direction, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Sandbox.BaseUrl };
        var frames = await client.GetFromJsonAsync(
            $"/sandbox/agents/{Agent.AgentId}/frames?direction={direction}", SandboxJsonContext.Default.IReadOnlyListRecordedFrame, cancellationToken);
        return frames ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        await _rig.DisposeAsync();
    }

    private async Task SendRequestsAsync(CancellationToken cancellationToken)
    {
        await AnswerAsync(MessageTypes.PipelineRun, RequestPayloads.PipelineRun(PipelineFqn, runId: RunId), "run", cancellationToken);
        await AnswerAsync(MessageTypes.ServiceStatus, RequestPayloads.Empty(), "service", cancellationToken);
        await AnswerAsync(UnknownType, RequestPayloads.Empty(), "unknown", cancellationToken, valid: false);
        await AnswerAsync(MessageTypes.PipelineRun, Parse("""{"pipeline": {"fullyQualifiedName": "x"}, "config": 42}"""), "bad", cancellationToken, valid: false);

        var late = JsonNode.Parse(RequestPayloads.PipelineRun(PipelineFqn).GetRawText())!.AsObject();
        late["deadline"] = "2000-01-01T00:00:00Z";
        await AnswerAsync(MessageTypes.PipelineRun, Parse(late.ToJsonString()), "late", cancellationToken);

        // Asked again once the first answer was acknowledged, the agent answers again with the same result; a copy
        // that arrives while the first answer is still on its way is answered by that one (see docs/protocol.md §4).
        var first = await ControlPlane.SubmitAsync(Agent.AgentId, MessageTypes.ServiceStatus, RequestPayloads.Empty());
        Results["duplicate-first"] = (await first.WaitAsync(cancellationToken)).Message.Payload;
        var again = await ControlPlane.SubmitAsync(Agent.AgentId, MessageTypes.ServiceStatus, RequestPayloads.Empty(), first.Id);
        Results["duplicate-again"] = (await again.WaitAsync(cancellationToken)).Message.Payload;
    }

    private async Task AnswerAsync(string type, JsonElement payload, string name, CancellationToken cancellationToken, bool valid = true)
    {
        var ticket = await ControlPlane.SubmitAsync(Agent.AgentId, type, payload);
        if (!valid)
        {
            InvalidRequestIds.Add(ticket.Id);
        }

        Results[name] = (await ticket.WaitAsync(cancellationToken)).Message.Payload;
    }

    /// <summary>Sends each kind of unreadable frame and waits for the agent's error answering each one.</summary>
    private async Task SendGarbageAsync(CancellationToken cancellationToken)
    {
        var agentId = Agent.AgentId;
        Assert.True(await ControlPlane.SendGarbageTextAsync(agentId, "this is not json"));
        Assert.True(await ControlPlane.SendGarbageBinaryAsync(agentId, 16));
        Assert.True(await ControlPlane.SendGarbageTextAsync(agentId, $$$"""{"id": "{{{NoTypeFrameId}}}", "payload": {}}"""));
        foreach (var marker in new[] { "not valid JSON", "binary frames", NoTypeFrameId })
        {
            await ControlPlane.WaitForFrameAsync(
                agentId,
                frame => frame.Direction == FrameDirection.Received && frame.Type == MessageTypes.Error && frame.Text.Contains(marker, StringComparison.Ordinal),
                cancellationToken);
        }
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
