using System.Globalization;
using System.Net;
using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>Each close code the control plane may use leads to the behaviour protocol §1 documents.</summary>
[Collection(TimingSensitive.Name)]
public sealed class CloseCodeTests
{
    private const string LongestBackoffSeconds = "7";

    /// <summary>ControlPlaneService's "Reconnecting to the control plane in {DelaySeconds} s".</summary>
    private const int ReconnectingEvent = 1002;

    /// <summary>ControlPlaneService's "Control plane refused the agent with close code {CloseCode}" (Error).</summary>
    private const int RefusedEvent = 1004;

    [Theory]
    [InlineData(CloseCodes.Unauthorized, "unauthorized")]
    [InlineData(CloseCodes.UnsupportedProtocolVersion, "protocol version not supported")]
    [InlineData(CloseCodes.AgentDisabled, "disabled")]
    public async Task Close_RefusalCode_RefusedNotReadyShownInAdminAndRetriedAtTheLongestBackoff(int closeCode, string reason)
    {
        var cancellation = TestTimeouts.Token();
        await using var sandbox = await SandboxServer.StartAsync();
        var agentId = LinkSignals.NewAgentId("refused");
        sandbox.ControlPlane.Refuse(agentId, closeCode);
        await using var agent = new AgentApplication(sandbox, agentId, WithLogsAndCap(LongestBackoffSeconds));
        agent.StartServer();

        var refused = await LinkSignals.WaitForStateAsync(agent, s => s.Status == ConnectionStatus.Refused, cancellation);
        var retry = await WaitForLogAsync(agent, ReconnectingEvent, cancellation);

        Assert.Equal(closeCode, refused.LastCloseCode);
        using var infra = agent.CreateInfraClient();
        var ready = await infra.GetAsync("/ready", cancellation);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains(reason, await ready.Content.ReadAsStringAsync(cancellation), StringComparison.Ordinal);
        var connection = await AdminConnectionAsync(agent, cancellation);
        Assert.Equal(closeCode, connection.GetProperty("lastCloseCode").GetInt32());
        Assert.Equal(nameof(ConnectionStatus.Refused), connection.GetProperty("status").GetString());
        Assert.Equal(double.Parse(LongestBackoffSeconds, CultureInfo.InvariantCulture), retry.Scalar("DelaySeconds"));
        Assert.Contains(agent.Logs.Events, e => e.EventId() == RefusedEvent && e.Level == LogEventLevel.Error && Equals(e.Scalar("CloseCode"), closeCode));
    }

    [Fact]
    public async Task Close_DuplicateAgentId_SecondAgentStandsByAndTakesOverWhenTheFirstLeaves()
    {
        var cancellation = TestTimeouts.Token();
        await using var sandbox = await SandboxServer.StartAsync();
        var agentId = LinkSignals.NewAgentId("standby");
        var active = new AgentApplication(sandbox, agentId);
        active.StartServer();
        var activeConnection = await sandbox.ControlPlane.WaitForAgentAsync(agentId, cancellation);
        await using var standby = new AgentApplication(sandbox, agentId, WithLogsAndCap("1"));
        standby.StartServer();

        var waiting = await LinkSignals.WaitForStateAsync(standby, s => s.Status == ConnectionStatus.Standby, cancellation);
        using var infra = standby.CreateInfraClient();
        var ready = await infra.GetAsync("/ready", cancellation);
        Assert.Equal(CloseCodes.DuplicateAgent, waiting.LastCloseCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("standby", await ready.Content.ReadAsStringAsync(cancellation), StringComparison.Ordinal);

        await active.DisposeAsync();
        var takenOver = await LinkSignals.WaitForStateAsync(standby, s => s.Status == ConnectionStatus.Connected, cancellation);
        var connection = await sandbox.ControlPlane.WaitForAgentAsync(agentId, cancellation);

        Assert.NotEqual(activeConnection.InstanceId, connection.InstanceId);
        Assert.Equal(connection.SessionId, takenOver.SessionId);
    }

    [Theory]
    [InlineData(1011)]
    [InlineData(4000)]
    public async Task Close_OtherCode_ReconnectsWithBackoff(int closeCode)
    {
        var cancellation = TestTimeouts.Token();
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("closed"), agentOverrides: WithLogsAndCap("60"));
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        var first = rig.Welcomed;

        var closed = LinkSignals.WaitForStateAsync(agent, s => s.LastCloseCode == closeCode, cancellation);
        Assert.True(await sandbox.ControlPlane.CloseAsync(agent.AgentId, closeCode));
        var disconnected = await closed;
        var reconnected = await LinkSignals.WaitForStateAsync(agent, s => s.Status == ConnectionStatus.Connected && s.SessionId != first.SessionId, cancellation);
        var retry = await WaitForLogAsync(agent, ReconnectingEvent, cancellation);

        Assert.Equal(ConnectionStatus.Disconnected, disconnected.Status);
        Assert.Equal(1, reconnected.ReconnectCount);
        Assert.InRange((double)retry.Scalar("DelaySeconds")!, 0, 1);
    }

    private static Dictionary<string, string?> WithLogsAndCap(string reconnectDelaySeconds) => new()
    {
        ["ControlPlane:ReconnectDelaySeconds"] = reconnectDelaySeconds,
        ["Serilog:MinimumLevel:Override:Agent.Core.Link"] = "Information",
    };

    private static async Task<LogEvent> WaitForLogAsync(AgentApplication agent, int eventId, CancellationToken cancellationToken)
    {
        LogEvent? logged = null;
        await LinkSignals.UntilAsync(() => (logged = agent.Logs.Events.FirstOrDefault(e => e.EventId() == eventId)) is not null, cancellationToken);
        return logged!;
    }

    private static async Task<JsonElement> AdminConnectionAsync(AgentApplication agent, CancellationToken cancellationToken)
    {
        using var admin = agent.CreateAdminClient();
        using var document = JsonDocument.Parse(await admin.GetStringAsync("/admin/connection", cancellationToken));
        return document.RootElement.Clone();
    }
}
