using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>A sandbox and one welcomed agent with a small frame limit, and the checks every case ends with.</summary>
internal sealed class BadInputLink : IAsyncDisposable
{
    public const int MaxMessageBytes = 1024;

    private readonly AgentRig _rig;
    private readonly string _sessionId;

    private BadInputLink(AgentRig rig)
    {
        _rig = rig;
        _sessionId = rig.Welcomed.SessionId;
    }

    public AgentApplication Agent => _rig.Agent;

    public ControlPlaneServer Server => _rig.ControlPlane;

    public static async Task<BadInputLink> StartAsync(IDictionary<string, string?>? sandboxSettings = null)
    {
        var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("bad-input"), sandboxSettings, new Dictionary<string, string?>
        {
            ["ControlPlane:MaxMessageBytes"] = MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return new BadInputLink(rig);
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
        Assert.DoesNotContain(Agent.Logs.Events, e => e.Level >= LogEventLevel.Error);
    }

    public static JsonElement Empty() => JsonDocument.Parse("{}").RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        await _rig.DisposeAsync();
    }
}
