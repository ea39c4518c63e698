using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Events;

namespace Agent.IntegrationTests.Admin;

/// <summary>
/// After a refusal the agent waits the longest back-off; an operator who fixed the cause on the control plane forces
/// the retry at once. The agent's clock is fake and never advanced, so only the operator's request can end the wait.
/// </summary>
public sealed class AdminReconnectAfterRefusalTests
{
    [Fact]
    public async Task Reconnect_DuringBackoffAfter4001_DialsNowWithoutTheClockMoving()
    {
        var cancellation = TestTimeouts.Token();
        await using var sandbox = await SandboxServer.StartAsync();
        var agentId = LinkSignals.NewAgentId("refused-forced");
        sandbox.ControlPlane.Refuse(agentId, CloseCodes.Unauthorized);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var agent = new AgentApplication(sandbox, agentId, new Dictionary<string, string?>
        {
            ["ControlPlane:ReconnectDelaySeconds"] = "60",
            ["Serilog:MinimumLevel:Override:Agent.Core.Link"] = "Information",
        })
        {
            ReplaceServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        agent.StartServer();
        var state = agent.Services.GetRequiredService<ConnectionState>();
        await LinkSignals.UntilAsync(() => state.Current is { Status: ConnectionStatus.Refused, NextAttemptAt: not null }, cancellation);
        var waiting = state.Current;
        using var admin = agent.CreateAdminClient();
        var frozenAt = clock.GetUtcNow();

        sandbox.ControlPlane.Refuse(agentId, 0);
        var reconnect = await admin.PostAsync("/admin/connection/reconnect", null, cancellation);
        var welcomed = await sandbox.ControlPlane.WaitForAgentAsync(agentId, cancellation);
        var connected = await LinkSignals.WaitForStateAsync(agent, s => s.Status == ConnectionStatus.Connected, cancellation);
        var view = await admin.GetFromJsonAsync<JsonElement>("/admin/connection", cancellation);

        Assert.Equal(CloseCodes.Unauthorized, waiting.LastCloseCode);
        Assert.Equal(frozenAt + TimeSpan.FromSeconds(60), waiting.NextAttemptAt);
        Assert.Equal(HttpStatusCode.Accepted, reconnect.StatusCode);
        Assert.Equal(frozenAt, clock.GetUtcNow());
        Assert.Equal(welcomed.SessionId, connected.SessionId);
        Assert.Equal(frozenAt, view.GetProperty("reconnectRequestedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("nextAttemptAt").ValueKind);
        // ControlPlaneService's "Reconnect requested by an operator: dialling ... now instead of in {SkippedSeconds:0.0} s".
        var cut = Assert.Single(agent.Logs.Events, e => e.EventId() == 1008);
        Assert.Equal(LogEventLevel.Information, cut.Level);
        Assert.Equal(60.0, (double)cut.Scalar("SkippedSeconds")!, precision: 1);
        Assert.Equal(CloseCodes.Unauthorized, cut.Scalar("CloseCode"));
    }
}
