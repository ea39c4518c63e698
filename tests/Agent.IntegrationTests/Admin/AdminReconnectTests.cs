using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Admin;

/// <summary>Force reconnect ends the session and the agent is back at once; logs carry session, request and run ids.</summary>
public sealed class AdminReconnectTests
{
    /// <summary>RunStarter's "Run {RunId} started as workflow {WorkflowName}" (Debug).</summary>
    private const int RunStartedEvent = 2301;

    [Fact]
    public async Task Reconnect_Posted_NewSessionAndCountShownAndRunsStillAnswered()
    {
        await using var rig = await AgentRig.StartAsync("admin-reconnect");
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        var cancellation = rig.Cancellation;
        var first = rig.Welcomed;
        using var admin = agent.CreateAdminClient();
        var disconnected = sandbox.ControlPlane.WaitForDisconnectAsync(agent.AgentId, cancellation);

        var reconnect = await admin.PostAsync("/admin/connection/reconnect", null, cancellation);
        await disconnected;
        var second = await sandbox.ControlPlane.WaitForAgentAsync(agent.AgentId, cancellation);
        var answer = await sandbox.ControlPlane.SendRequestAsync(agent.AgentId, MessageTypes.ServiceStatus, RequestPayloads.Empty(), cancellation);
        var connection = await admin.GetFromJsonAsync<JsonElement>("/admin/connection", cancellation);

        Assert.Equal(HttpStatusCode.Accepted, reconnect.StatusCode);
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(200, answer.Payload.GetProperty("code").GetInt32());
        Assert.Equal("Connected", connection.GetProperty("status").GetString());
        Assert.True(connection.GetProperty("reconnectCount").GetInt32() >= 1);
        Assert.Contains("reconnect requested by an operator", connection.GetProperty("lastCloseReason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Not connected and dialling: nothing to end and no wait to cut (a refused agent waiting out its back-off is
    /// AdminReconnectAfterRefusalTests'). The dial never completes, so the agent is dialling whenever asked.
    /// </summary>
    [Fact]
    public async Task Reconnect_NotConnected_Answers409()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var dialled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var agent = new AgentApplication(sandbox, "admin-reconnect-none", new Dictionary<string, string?> { ["ControlPlane:HandshakeTimeout"] = "00:05:00" })
        {
            ReplaceServices = services => services.AddSingleton<IControlPlaneConnector>(new HangingConnector(dialled)),
        };
        agent.StartServer();
        using var admin = agent.CreateAdminClient();
        var cancellation = TestTimeouts.Token();
        await dialled.Task.WaitAsync(cancellation);

        var reconnect = await admin.PostAsync("/admin/connection/reconnect", null, cancellation);

        Assert.Equal(HttpStatusCode.Conflict, reconnect.StatusCode);
    }

    [Fact]
    public async Task Logs_RunStarted_CarrySessionRequestAndRunIds()
    {
        // Debug: how a run was started is a detail line since the request's own line is its Information one (issue 13).
        await using var rig = await AgentRig.StartAsync("log-ids", agentOverrides: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" });
        var (sandbox, agent, cancellation, session) = (rig.Sandbox, rig.Agent, rig.Cancellation, rig.Welcomed);
        var runId = Guid.NewGuid().ToString();

        await sandbox.ControlPlane.SendRequestAsync(agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun("svc.logged", runId: runId), cancellation);
        await sandbox.ControlPlane.WaitForStatusAsync(s => s.RunId == runId && s.PipelineState == PipelineStates.Success, cancellation);

        var started = Assert.Single(agent.Logs.Events, e => e.EventId() == RunStartedEvent && (string?)e.Scalar("RunId") == runId);
        Assert.Equal(session.SessionId, started.Scalar("SessionId"));
        Assert.Contains("RequestId", started.Properties.Keys);
    }

    /// <summary>A dial that never completes until the agent gives up on it.</summary>
    private sealed class HangingConnector(TaskCompletionSource dialled) : IControlPlaneConnector
    {
        public async Task<System.Net.WebSockets.WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
        {
            dialled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
