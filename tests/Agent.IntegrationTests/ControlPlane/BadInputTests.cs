using System.Text;
using System.Text.Json;
using Agent.Core.ControlPlane;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>
/// Whatever the control plane sends, the agent answers as protocol §5 says (an <c>error</c> frame, or a 400 result for
/// a readable request it cannot run), stays on the same session, and logs nothing at Error level.
/// </summary>
public sealed class BadInputTests
{
    private const int MaxMessageBytes = 1024;

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
        { "oversize frame", "{\"id\":\"bad-6\",\"type\":\"service.status\",\"payload\":{\"padding\":\"" + new string('x', 4 * MaxMessageBytes) + "\"}}" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFrames))]
    public async Task Frame_Unreadable_AnsweredWithAnErrorOnTheSameSession(string description, string frame)
    {
        await using var link = await Link.StartAsync();

        Assert.True(await link.Server.SendGarbageTextAsync(link.Agent.AgentId, frame), description);

        var error = await link.WaitForErrorsAsync(1);
        Assert.False(string.IsNullOrEmpty(error[0].Reason));
        await link.AssertStillConnectedAsync();
    }

    [Fact]
    public async Task Frame_Binary_AnsweredWithAnErrorOnTheSameSession()
    {
        await using var link = await Link.StartAsync();

        Assert.True(await link.Server.SendGarbageBinaryAsync(link.Agent.AgentId, 64));

        Assert.Contains("binary", (await link.WaitForErrorsAsync(1))[0].Reason, StringComparison.Ordinal);
        await link.AssertStillConnectedAsync();
    }

    [Fact]
    public async Task Frame_Oversize_RefusedWithTheLimitNamed()
    {
        await using var link = await Link.StartAsync();

        await link.Server.SendGarbageTextAsync(link.Agent.AgentId, new string('x', 10 * MaxMessageBytes));

        Assert.Contains($"limit of {MaxMessageBytes} bytes", (await link.WaitForErrorsAsync(1))[0].Reason, StringComparison.Ordinal);
        await link.AssertStillConnectedAsync();
    }

    [Fact]
    public async Task Request_UnknownType_Answered400NamingTheType()
    {
        await using var link = await Link.StartAsync();

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
        await using var link = await Link.StartAsync();

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
        const int frames = 10_000;
        await using var link = await Link.StartAsync();
        var random = new Random(1009);

        for (var i = 0; i < frames; i++)
        {
            var sent = i % 2 == 0
                ? await link.Server.SendGarbageBinaryAsync(link.Agent.AgentId, random.Next(1, 2 * MaxMessageBytes))
                : await link.Server.SendGarbageTextAsync(link.Agent.AgentId, RandomText(random, random.Next(1, 2 * MaxMessageBytes)));
            Assert.True(sent);
        }

        Assert.Equal(frames, (await link.WaitForErrorsAsync(frames)).Count);
        await link.AssertStillConnectedAsync();
    }

    private static JsonElement Empty() => JsonDocument.Parse("{}").RootElement.Clone();

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)random.Next(0x20, 0xD7FF));
        }

        return text.ToString();
    }

    /// <summary>A sandbox and one welcomed agent with a small frame limit, and the checks every case ends with.</summary>
    private sealed class Link : IAsyncDisposable
    {
        private readonly SandboxServer _sandbox;
        private readonly string _sessionId;

        private Link(SandboxServer sandbox, AgentApplication agent, string sessionId)
        {
            _sandbox = sandbox;
            Agent = agent;
            _sessionId = sessionId;
        }

        public AgentApplication Agent { get; }

        public ControlPlaneServer Server => _sandbox.ControlPlane;

        public static async Task<Link> StartAsync()
        {
            var sandbox = await SandboxServer.StartAsync();
            var agent = new AgentApplication(sandbox, LinkSignals.NewAgentId("bad-input"), new Dictionary<string, string?>
            {
                ["ControlPlane:MaxMessageBytes"] = MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            agent.StartServer();
            var connection = await sandbox.ControlPlane.WaitForAgentAsync(agent.AgentId, TestTimeouts.Token());
            return new Link(sandbox, agent, connection.SessionId);
        }

        public async Task<IReadOnlyList<ReceivedError>> WaitForErrorsAsync(int count)
        {
            await LinkSignals.UntilAsync(() => Server.GetErrors().Count >= count, TestTimeouts.Token());
            return Server.GetErrors();
        }

        /// <summary>Same session at both ends, a request still answered, and no Error-level log event.</summary>
        public async Task AssertStillConnectedAsync()
        {
            var answer = await Server.SendRequestAsync(Agent.AgentId, MessageTypes.ServiceStatus, Empty(), TestTimeouts.Token());
            Assert.True(ReliableMessages.Result(answer).Ok);
            var state = Agent.Services.GetRequiredService<ConnectionState>().Current;
            Assert.Equal(ConnectionStatus.Connected, state.Status);
            Assert.Equal(_sessionId, state.SessionId);
            Assert.Equal(0, state.ReconnectCount);
            Assert.Equal(1, Server.Stats.Snapshot().SessionsOpened);
            Assert.DoesNotContain(Agent.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Fatal", StringComparison.Ordinal));
        }

        public async ValueTask DisposeAsync()
        {
            await Agent.DisposeAsync();
            await _sandbox.DisposeAsync();
        }
    }
}
