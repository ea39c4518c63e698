using System.Text.Json;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane;

namespace Agent.IntegrationTests.Protocol;

/// <summary>The raw frames the real agent sends to the sandbox conform to the protocol's JSON Schemas.</summary>
public sealed class AgentMessageConformanceTests
{
    private static readonly string[] TypesTheAgentSends =
        [MessageTypes.Hello, MessageTypes.Heartbeat, MessageTypes.Result, MessageTypes.RunStatus, MessageTypes.Error];

    [Fact]
    public async Task ReceivedFrames_FullExchange_EachValidatesAgainstTheSchemaOfItsType()
    {
        var cancellation = TestTimeouts.Token();
        await using var exchange = await ProtocolExchange.RunAsync("protocol-agent-frames", cancellation);

        var frames = await exchange.GetFramesAsync(FrameDirection.Received, cancellation);

        Assert.All(frames, frame =>
        {
            using var message = JsonDocument.Parse(frame.Text);
            var errors = ProtocolSchemas.Validate(message.RootElement);
            Assert.True(errors.Count == 0, $"{frame.Text}\n{string.Join('\n', errors)}");
        });
        var seen = frames.Select(frame => frame.Type).Distinct().ToList();
        Assert.All(seen, type => Assert.True(type is not null && ProtocolSchemas.Has(type), $"no schema for '{type}'"));
        Assert.Empty(TypesTheAgentSends.Except(seen));
    }

    [Fact]
    public async Task Results_FullExchange_CarryTheCodeAndDataTheProtocolNames()
    {
        var cancellation = TestTimeouts.Token();
        await using var exchange = await ProtocolExchange.RunAsync("protocol-agent-results", cancellation);
        var results = exchange.Results;

        Assert.Equal(ResultCodes.Ok, Code(results["run"]));
        Assert.Equal(exchange.RunId, results["run"].GetProperty("runId").GetString());
        Assert.Empty(ProtocolSchemas.ValidateResultData(MessageTypes.PipelineRun, results["run"].GetProperty("data")));
        Assert.Equal(ResultCodes.Ok, Code(results["service"]));
        Assert.Empty(ProtocolSchemas.ValidateResultData(MessageTypes.ServiceStatus, results["service"].GetProperty("data")));
        Assert.Equal(ResultCodes.BadRequest, Code(results["unknown"]));
        Assert.Contains(ProtocolExchange.UnknownType, Reason(results["unknown"]), StringComparison.Ordinal);
        Assert.Equal(ResultCodes.BadRequest, Code(results["bad"]));
        Assert.Contains("pipeline", Reason(results["bad"]), StringComparison.Ordinal);
        Assert.Equal(ResultCodes.DeadlinePassed, Code(results["late"]));
        Assert.Equal(results["duplicate-first"].GetRawText(), results["duplicate-again"].GetRawText());
    }

    [Fact]
    public async Task ErrorFrames_UnreadableFramesFromServer_AnsweredWithErrorOnTheSameConnection()
    {
        var cancellation = TestTimeouts.Token();
        await using var exchange = await ProtocolExchange.RunAsync("protocol-agent-errors", cancellation);

        var frames = exchange.ControlPlane.GetFrames(exchange.Agent.AgentId, FrameDirection.Received);

        var errors = frames.Where(frame => frame.Type == MessageTypes.Error).Select(frame => JsonDocument.Parse(frame.Text).RootElement).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Single(errors, error => error.TryGetProperty("replyTo", out var replyTo) && replyTo.GetString() == ProtocolExchange.NoTypeFrameId);
        Assert.All(errors, error => Assert.False(error.TryGetProperty("seq", out _)));
        Assert.Single(frames.Select(frame => frame.SessionId).Distinct());
        Assert.True(exchange.ControlPlane.IsConnected(exchange.Agent.AgentId));
    }

    private static int Code(JsonElement result) => result.GetProperty("code").GetInt32();

    private static string Reason(JsonElement result) => result.GetProperty("reason").GetString() ?? string.Empty;
}
