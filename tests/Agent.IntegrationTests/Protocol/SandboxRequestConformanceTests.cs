using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Protocol;

/// <summary>What the sandbox control plane sends the agent conforms to the same schemas, so the two sides agree.</summary>
public sealed class SandboxRequestConformanceTests
{
    private static readonly string[] TypesTheServerSends =
        [MessageTypes.Welcome, MessageTypes.Ack, MessageTypes.HeartbeatAck, MessageTypes.PipelineRun, MessageTypes.ServiceStatus];

    [Fact]
    public async Task SentFrames_FullExchange_EachValidatesAgainstTheSchemaOfItsType()
    {
        var cancellation = TestTimeouts.Token();
        await using var exchange = await ProtocolExchange.RunAsync("protocol-sandbox-frames", cancellation);

        var frames = (await exchange.GetFramesAsync(FrameDirection.Sent, cancellation))
            .Where(frame => frame.Type is not null && ProtocolSchemas.Has(frame.Type))
            .Select(frame => JsonDocument.Parse(frame.Text).RootElement)
            .Where(message => !exchange.InvalidRequestIds.Contains(message.GetProperty("id").GetString()!))
            .ToList();

        Assert.All(frames, message =>
        {
            var errors = ProtocolSchemas.Validate(message);
            Assert.True(errors.Count == 0, $"{message.GetRawText()}\n{string.Join('\n', errors)}");
        });
        Assert.Empty(TypesTheServerSends.Except(frames.Select(message => message.GetProperty("type").GetString())));
    }

    public static TheoryData<string, string> SandboxRequests() => new()
    {
        { MessageTypes.PipelineRun, RequestPayloads.PipelineRun("svc.pipeline", runId: "run-1").GetRawText() },
        { MessageTypes.PipelineRun, RequestPayloads.PipelineRun("svc.pipeline").GetRawText() },
        { MessageTypes.PipelineStatus, RequestPayloads.PipelineFqn("svc.pipeline").GetRawText() },
        { MessageTypes.PipelineKill, RequestPayloads.PipelineFqn("svc.pipeline").GetRawText() },
        { MessageTypes.PipelineDelete, RequestPayloads.PipelineFqn("svc.pipeline").GetRawText() },
        { MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs("svc.pipeline", "run-1", "2").GetRawText() },
        { MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs("svc.pipeline").GetRawText() },
        { MessageTypes.ServiceStatus, RequestPayloads.Empty().GetRawText() },
        { MessageTypes.RunsReconcile, RequestPayloads.RunsReconcile(1_773_479_813_589).GetRawText() },
        { MessageTypes.RunsReconcile, RequestPayloads.RunsReconcile(null).GetRawText() },
    };

    [Theory]
    [MemberData(nameof(SandboxRequests))]
    public void Validate_RequestBuiltBySandbox_MatchesTheRequestSchema(string type, string payload)
    {
        using var body = JsonDocument.Parse(payload);
        var envelope = MessageCodec.Create(type, body.RootElement, ProtocolJsonContext.Default.JsonElement, DateTimeOffset.UtcNow);

        using var frame = JsonDocument.Parse(MessageCodec.Encode(envelope));

        Assert.Empty(ProtocolSchemas.Validate(frame.RootElement));
    }
}
