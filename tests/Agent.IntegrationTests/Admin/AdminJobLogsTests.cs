using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Executors.Argo;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Admin;

/// <summary>GET /admin/jobs/{runId}/logs: the page pipeline.logs gives, plus the run's transitions from its workflow.</summary>
public sealed class AdminJobLogsTests
{
    [Fact]
    public async Task JobLogs_FinishedRun_SamePageAsPipelineLogsAndTransitionsFromTheWorkflow()
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("job-logs"));
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        using var admin = rig.Agent.CreateAdminClient();

        var view = await admin.GetFromJsonAsync<JsonElement>($"/admin/jobs/{runId}/logs", rig.Cancellation);
        var protocol = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, runId));

        AssertSamePage(view, protocol, runId, workflowName);
        var events = view.GetProperty("events").EnumerateArray().ToList();
        var finished = events.Where(e => e.GetProperty("transition").GetString() == NodeTransitions.Finished).ToList();
        Assert.Contains(finished, e => e.GetProperty("nodeType").GetString() == NodeTransitions.WorkflowType
            && e.GetProperty("node").GetString() == workflowName && e.GetProperty("phase").GetString() == "Succeeded");
        Assert.Contains(finished, e => e.GetProperty("nodeType").GetString() == MainPod.PodNodeType && e.GetProperty("phase").GetString() == "Succeeded");
        Assert.Equal(events.OrderBy(e => e.GetProperty("at").GetDateTimeOffset()).Select(e => e.GetRawText()), events.Select(e => e.GetRawText()));
    }

    [Fact]
    public async Task JobLogs_PodsDeleted_EventsStillShownAndLogsSayWhy()
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("job-logs-gone"));
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        rig.Emulator.DeletePods(AgentRig.Namespace, workflowName);
        using var admin = rig.Agent.CreateAdminClient();

        var view = await admin.GetFromJsonAsync<JsonElement>($"/admin/jobs/{runId}/logs", rig.Cancellation);

        Assert.Equal(JsonValueKind.Null, view.GetProperty("logs").ValueKind);
        Assert.Contains("no longer available", view.GetProperty("logsUnavailable").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, view.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task JobLogs_UnknownMalformedOrPastTheEnd_404Or400WithTheReason()
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("job-logs-bad"));
        var runId = Guid.NewGuid().ToString();
        await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        using var admin = rig.Agent.CreateAdminClient();

        await AssertUnknownMalformedAndPastTheEndRefusedAsync(rig, admin, runId);
    }

    [Fact]
    public async Task JobLogs_KeyConfigured_401WithoutKeyAndDocumentedInSwagger()
    {
        const string Key = "admin-key-0123456789abcdef";
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, LinkSignals.NewAgentId("job-logs-key"), new Dictionary<string, string?>
        {
            ["Server:AdminApiKey"] = Key,
            ["Server:AdminHost"] = "127.0.0.1",
        });
        agent.StartServer();
        using var admin = agent.CreateAdminClient();

        var anonymous = await admin.GetAsync($"/admin/jobs/{Guid.NewGuid()}/logs", TestTimeouts.Token());
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
        var document = await admin.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json", TestTimeouts.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var paths = document.GetProperty("paths");
        var logs = paths.GetProperty("/admin/jobs/{runId}/logs").GetProperty("get");
        Assert.Contains("not Kubernetes Events", logs.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("reconnect (forced or not) keeps it", paths.GetProperty("/admin/drain").GetProperty("delete").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("4001", paths.GetProperty("/admin/connection/reconnect").GetProperty("post").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The admin view holds the page <c>pipeline.logs</c> answered: same text and total, page 0, no next page.</summary>
    internal static void AssertSamePage(JsonElement view, ResultPayload protocol, string runId, string workflowName)
    {
        Assert.True(protocol.Ok, protocol.Reason);
        var page = protocol.Data!.Value.Deserialize(ProtocolJsonContext.Default.DictionaryStringString)!;
        Assert.Equal(runId, view.GetProperty("runId").GetString());
        Assert.Equal(workflowName, view.GetProperty("workflowName").GetString());
        Assert.Equal("ingestion_task", view.GetProperty("taskKey").GetString());
        Assert.Equal(0, view.GetProperty("page").GetInt32());
        Assert.False(string.IsNullOrEmpty(page["ingestion_task"]));
        Assert.Equal(page["ingestion_task"], view.GetProperty("logs").GetString());
        Assert.Equal(page["total"], view.GetProperty("total").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("after").ValueKind);
    }

    /// <summary>An untracked run is 404; a run id not in canonical form or a bad or too large <c>after</c> is 400 with the reason.</summary>
    internal static async Task AssertUnknownMalformedAndPastTheEndRefusedAsync(AgentRig rig, HttpClient admin, string runId)
    {
        var unknownId = Guid.NewGuid().ToString();

        var unknown = await admin.GetAsync($"/admin/jobs/{unknownId}/logs", rig.Cancellation);
        var malformed = await admin.GetAsync("/admin/jobs/not-a-run-id/logs", rig.Cancellation);
        var upperCase = await admin.GetAsync($"/admin/jobs/{runId.ToUpperInvariant()}/logs", rig.Cancellation);
        var badAfter = await admin.GetAsync($"/admin/jobs/{runId}/logs?after=-1", rig.Cancellation);
        var pastEnd = await admin.GetAsync($"/admin/jobs/{runId}/logs?after=7", rig.Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains($"run '{unknownId}' is not tracked by this agent", await unknown.Content.ReadAsStringAsync(rig.Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("canonical lower-case", await malformed.Content.ReadAsStringAsync(rig.Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, upperCase.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAfter.StatusCode);
        Assert.Contains("'after' must be a page index", await badAfter.Content.ReadAsStringAsync(rig.Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pastEnd.StatusCode);
        Assert.Contains("'after' is 7, but the log has 1 pages", await pastEnd.Content.ReadAsStringAsync(rig.Cancellation), StringComparison.Ordinal);
    }
}
