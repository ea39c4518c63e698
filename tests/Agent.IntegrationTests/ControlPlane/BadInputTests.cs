using System.Text;
using System.Text.Json;
using Agent.Core.Operations;
using Agent.Core.Protocol;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>
/// Whatever the control plane sends, the agent answers as protocol §5 says (an <c>error</c> frame, or a 400 result for
/// a readable request it cannot run), stays on the same session, and logs nothing at Error level.
/// </summary>
public sealed class BadInputTests
{
    private const int MaxMessageBytes = BadInputLink.MaxMessageBytes;

    public static TheoryData<string, string> UnreadableFrames => new()
    {
        { "invalid JSON", "{not json" },
        { "JSON nested too deep", new string('[', 100) + new string(']', 100) },
        { "not an object", "[1,2,3]" },
        { "missing id", """{"type":"service.status","payload":{}}""" },
        { "missing type", """{"id":"bad-1","payload":{}}""" },
        { "type is a number", """{"id":"bad-2","type":42,"payload":{}}""" },
        { "seq is a string", """{"id":"bad-3","type":"service.status","seq":"one","payload":{}}""" },
        { "payload is an array", """{"id":"bad-4","type":"service.status","payload":[]}""" },
        { "ts is not a time", """{"id":"bad-5","type":"service.status","ts":"yesterday","payload":{}}""" },
        { "lone surrogate escape in id", """{"id":"\ud800","type":"service.status","payload":{}}""" },
        { "lone surrogate escape in type", """{"id":"bad-7","type":"\udbff","payload":{}}""" },
        { "swapped surrogate escapes in replyTo", """{"id":"bad-8","type":"heartbeat.ack","replyTo":"\udc00\ud800","payload":{}}""" },
        { "lone surrogate escape in ts", """{"id":"bad-9","type":"service.status","ts":"2026-03-14T09:26:53\ud800Z","payload":{}}""" },
        { "id over the length limit", "{\"id\":\"" + new string('i', MessageCodec.DefaultMaxIdLength + 1) + "\",\"type\":\"service.status\",\"payload\":{}}" },
        { "seq beyond a 64-bit integer", """{"id":"bad-10","type":"service.status","seq":9223372036854775808,"payload":{}}""" },
        { "seq as a huge float", """{"id":"bad-11","type":"service.status","seq":1e300,"payload":{}}""" },
        { "ack seq beyond a 64-bit integer", """{"id":"bad-12","type":"ack","payload":{"seq":9223372036854775808}}""" },
        { "ack seq above every seq issued", """{"id":"bad-13","type":"ack","payload":{"seq":9223372036854775807}}""" },
        { "ack seq negative", """{"id":"bad-14","type":"ack","payload":{"seq":-1}}""" },
        { "oversize frame", "{\"id\":\"bad-6\",\"type\":\"service.status\",\"payload\":{\"padding\":\"" + new string('x', 4 * MaxMessageBytes) + "\"}}" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFrames))]
    public async Task Frame_Unreadable_AnsweredWithAnErrorOnTheSameSession(string description, string frame)
    {
        await using var link = await BadInputLink.StartAsync();

        Assert.True(await link.Server.SendGarbageTextAsync(link.Agent.AgentId, frame), description);

        var error = await link.WaitForErrorsAsync(1);
        Assert.False(string.IsNullOrEmpty(error[0].Reason));
        await link.AssertStillConnectedAsync();
    }

    [Fact]
    public async Task Frame_Binary_AnsweredWithAnErrorOnTheSameSession()
    {
        await using var link = await BadInputLink.StartAsync();

        Assert.True(await link.Server.SendGarbageBinaryAsync(link.Agent.AgentId, 64));

        Assert.Contains("binary", (await link.WaitForErrorsAsync(1))[0].Reason, StringComparison.Ordinal);
        await link.AssertStillConnectedAsync();
    }

    [Fact]
    public async Task Frame_Oversize_RefusedWithTheLimitNamed()
    {
        await using var link = await BadInputLink.StartAsync();

        await link.Server.SendGarbageTextAsync(link.Agent.AgentId, new string('x', 10 * MaxMessageBytes));

        Assert.Contains($"limit of {MaxMessageBytes} bytes", (await link.WaitForErrorsAsync(1))[0].Reason, StringComparison.Ordinal);
        await link.AssertStillConnectedAsync();
    }

    [Fact]
    public async Task Request_UnknownType_Answered400NamingTheType()
    {
        await using var link = await BadInputLink.StartAsync();

        var answer = await link.Server.SendRequestAsync(link.Agent.AgentId, "pipeline.explode", Empty(), TestTimeouts.Token());

        var result = ReliableMessages.Result(answer);
        Assert.Equal(ResultCodes.BadRequest, result.Code);
        Assert.Contains("pipeline.explode", result.Reason, StringComparison.Ordinal);
        await link.AssertStillConnectedAsync();
    }

    [Theory]
    [InlineData("""{"pipeline":42,"config":"x"}""", "pipeline")]
    [InlineData("""{"pipeline":{"fullyQualifiedName":"a.b","name":"b","pipelineType":"metadata"},"config":"x","runId":7}""", "runId")]
    [InlineData("""{"config":"x"}""", "pipeline")]
    public async Task Request_PayloadFieldOfTheWrongType_Answered400NamingTheField(string payload, string field)
    {
        await using var link = await BadInputLink.StartAsync();

        var answer = await link.Server.SendRequestAsync(
            link.Agent.AgentId, MessageTypes.PipelineRun, JsonDocument.Parse(payload).RootElement.Clone(), TestTimeouts.Token());

        var result = ReliableMessages.Result(answer);
        Assert.Equal(ResultCodes.BadRequest, result.Code);
        Assert.Contains(field, result.Reason, StringComparison.OrdinalIgnoreCase);
        await link.AssertStillConnectedAsync();
    }

    [Fact]
    public async Task Frames_TenThousandRandom_EachAnsweredWithAnErrorAndTheSessionSurvives()
    {
        const int Frames = 10_000;
        await using var link = await BadInputLink.StartAsync();
        var random = new Random(1009);

        for (var i = 0; i < Frames; i++)
        {
            var sent = i % 2 == 0
                ? await link.Server.SendGarbageBinaryAsync(link.Agent.AgentId, random.Next(1, 2 * MaxMessageBytes))
                : await link.Server.SendGarbageTextAsync(link.Agent.AgentId, RandomText(random, random.Next(1, 2 * MaxMessageBytes)));
            Assert.True(sent);
        }

        Assert.Equal(Frames, (await link.WaitForErrorsAsync(Frames)).Count);
        await link.AssertStillConnectedAsync();
    }

    private static JsonElement Empty() => BadInputLink.Empty();

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)random.Next(0x20, 0xD7FF));
        }

        return text.ToString();
    }
}
