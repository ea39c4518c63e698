using System.Text;
using System.Text.Json;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Abuse;

/// <summary>
/// Frames at the agent's real limits (the default 4 MiB, depth 64): a config of exactly the workflow limit is run and
/// one byte more is refused before Argo, a frame of exactly the limit
/// is answered and one byte more is refused, and JSON nested 100,000 deep gets an <c>error</c> frame instead of a stack
/// overflow. The session survives every case. (<c>BadInputTests</c> covers the same rules with a 1 KiB limit.)
/// </summary>
public sealed class HugeFrameTests
{
    private const int Limit = ProtocolVersion.DefaultMaxMessageBytes;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task PipelineRun_ConfigAtTheWorkflowLimitOrOneByteOver_RunIntactOrRefusedNamingTheLimit(int bytesOver)
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("huge-config"));
        const string Prefix = "source: ";
        var config = Prefix + new string('c', RunRequestValidation.MaxConfigBytes - Prefix.Length + bytesOver);

        var answer = ReliableMessages.Result(await rig.ControlPlane.SendRequestAsync(
            rig.Agent.AgentId,
            MessageTypes.PipelineRun,
            RequestPayloads.PipelineRun(AgentRig.PipelineFqn, config: JsonSerializer.SerializeToElement(config), runId: Guid.NewGuid().ToString()),
            rig.Cancellation));

        if (bytesOver == 0)
        {
            Assert.True(answer.Ok, $"{answer.Code} {answer.Reason}");
            var workflow = Assert.Single(rig.Emulator.ListWorkflows(AgentRig.Namespace));
            var env = workflow["spec"]!["templates"]![0]!["container"]!["env"]!.AsArray();
            Assert.Equal(config, (string?)env.Single(e => (string?)e!["name"] == "config")!["value"]);
        }
        else
        {
            Assert.Equal(400, answer.Code);
            Assert.Contains($"payload field 'config' is {RunRequestValidation.MaxConfigBytes + 1} bytes", answer.Reason, StringComparison.Ordinal);
            Assert.Empty(rig.Emulator.ListWorkflows());
        }

        await AssertStillConnectedAsync(rig);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Frame_ExactlyTheLimitOrOneByteOver_AnsweredOrRefusedNamingTheLimit(int bytesOver)
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("limit-frame"));
        var requestId = Guid.NewGuid().ToString();
        var frame = PaddedServiceStatus(requestId, Limit + bytesOver);
        var answered = rig.ControlPlane.WaitForFrameAsync(
            rig.Agent.AgentId, f => f.Direction == FrameDirection.Received && f.Type == MessageTypes.Result && RepliesTo(f, requestId), rig.Cancellation);

        Assert.Equal(Limit + bytesOver, Encoding.UTF8.GetByteCount(frame));
        Assert.True(await rig.ControlPlane.SendGarbageTextAsync(rig.Agent.AgentId, frame));

        if (bytesOver == 0)
        {
            var result = JsonDocument.Parse((await answered).Text).RootElement.GetProperty("payload");
            Assert.Equal(200, result.GetProperty("code").GetInt32());
            Assert.Empty(rig.ControlPlane.GetErrors());
        }
        else
        {
            await LinkSignals.UntilAsync(() => rig.ControlPlane.GetErrors().Count > 0, rig.Cancellation);
            Assert.Contains($"message of {Limit + 1} bytes exceeds the limit of {Limit} bytes", Assert.Single(rig.ControlPlane.GetErrors()).Reason, StringComparison.Ordinal);
            Assert.False(answered.IsCompleted);
        }

        await AssertStillConnectedAsync(rig);
    }

    [Fact]
    public async Task Frame_NestedHundredThousandDeep_AnsweredWithAnErrorWithoutAStackOverflow()
    {
        const int Depth = 100_000;
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("deep-frame"));
        var frame = "{\"id\":\"deep-1\",\"type\":\"service.status\",\"payload\":{\"x\":" + new string('[', Depth) + new string(']', Depth) + "}}";

        Assert.True(await rig.ControlPlane.SendGarbageTextAsync(rig.Agent.AgentId, frame));

        await LinkSignals.UntilAsync(() => rig.ControlPlane.GetErrors().Count > 0, rig.Cancellation);
        Assert.Contains("depth", Assert.Single(rig.ControlPlane.GetErrors()).Reason, StringComparison.OrdinalIgnoreCase);
        await AssertStillConnectedAsync(rig);
    }

    /// <summary>A <c>service.status</c> request of exactly <paramref name="bytes"/> UTF-8 bytes, padded in an extra payload field.</summary>
    private static string PaddedServiceStatus(string requestId, int bytes)
    {
        var head = "{\"id\":\"" + requestId + "\",\"type\":\"service.status\",\"payload\":{\"padding\":\"";
        const string Tail = "\"}}";
        return head + new string('p', bytes - head.Length - Tail.Length) + Tail;
    }

    private static bool RepliesTo(RecordedFrame frame, string requestId) =>
        JsonDocument.Parse(frame.Text).RootElement.TryGetProperty("replyTo", out var replyTo) && replyTo.GetString() == requestId;

    /// <summary>The same session still answers a normal request, with no reconnect.</summary>
    private static async Task AssertStillConnectedAsync(AgentRig rig)
    {
        var answer = await rig.ControlPlane.SendRequestAsync(rig.Agent.AgentId, MessageTypes.ServiceStatus, RequestPayloads.Empty(), rig.Cancellation);
        Assert.True(ReliableMessages.Result(answer).Ok);
        Assert.Equal(1, rig.ControlPlane.Stats.Snapshot().SessionsOpened);
    }
}
