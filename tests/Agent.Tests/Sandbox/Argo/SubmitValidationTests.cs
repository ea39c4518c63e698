using System.Net;
using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>
/// The Argo Server's answers to a create it rejects, over HTTP: grpc InvalidArgument as 400 with {"code":3,"message"},
/// the apiserver's metadata checks after Argo's, and what it accepts untouched (FIDELITY §3.0–§3.5).
/// </summary>
public class SubmitValidationTests
{
    private const string WorkflowPath = $"/api/v1/workflows/{ArgoSandbox.Namespace}";
    private const string CronPath = $"/api/v1/cron-workflows/{ArgoSandbox.Namespace}";

    [Fact]
    public async Task Create_OnExitNamingNoTemplate_Returns400TemplateUndefined()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = WorkflowValidationTests.AgentShaped();
        workflow["spec"]!["onExit"] = "exit";

        using var response = await sandbox.CreateAsync(workflow);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, 3, "template name 'exit' undefined");
        Assert.Empty(sandbox.Emulator.ListWorkflows());
    }

    [Fact]
    public async Task Create_UnresolvedInputsTagInEnv_Returns400FailedToResolve()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.CreateAsync(WorkflowValidationTests.AgentShaped(mainEnv: "{{inputs.parameters.x}}"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, 3, "templates.ingestion: failed to resolve {{inputs.parameters.x}}");
    }

    [Fact]
    public async Task Create_JinjaTagInEnv_AcceptedAndStoredVerbatim()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        const string Jinja = "{{ var('x') }}";

        var created = await sandbox.CreateOkAsync(WorkflowValidationTests.AgentShaped(mainEnv: Jinja));

        Assert.Equal(Jinja, created["spec"]!["templates"]![0]!["container"]!["env"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_InvalidLabelValue_Returns400WithApiserverText()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = WorkflowValidationTests.AgentShaped();
        workflow["metadata"]!["labels"] = Workflows.Labels(("team", "bad value"));

        using var response = await sandbox.CreateAsync(workflow);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, 3,
            "Workflow.argoproj.io \"om-run-1\" is invalid: metadata.labels: Invalid value: \"bad value\": a valid label must be an " +
            "empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric " +
            "character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }

    [Fact]
    public async Task Create_InvalidLabelKeyAndLongValue_Returns400WithEveryProblemInOneMessage()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = WorkflowValidationTests.AgentShaped();
        var longValue = new string('v', 64);
        workflow["metadata"]!["labels"] = Workflows.Labels(("Example.com/x", "ok"), ("team", longValue));

        using var response = await sandbox.CreateAsync(workflow);
        var message = (await ArgoSandbox.ReadObjectAsync(response))["message"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Workflow.argoproj.io \"om-run-1\" is invalid: [metadata.labels: Invalid value: \"Example.com/x\": prefix part a lowercase RFC 1123 subdomain", message, StringComparison.Ordinal);
        Assert.Contains($"metadata.labels: Invalid value: \"{longValue}\": must be no more than 63 characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NameOver63Characters_Returns400BeforeApiserverChecks()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var name = new string('w', 64);
        var workflow = WorkflowValidationTests.AgentShaped();
        workflow["metadata"]!["name"] = name;

        using var response = await sandbox.CreateAsync(workflow);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, 3,
            $"workflow name \"{name}\" must not be more than 63 characters long (currently 64)");
    }

    [Fact]
    public async Task Create_LongGenerateName_TruncatesBaseTo58()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = WorkflowValidationTests.AgentShaped();
        workflow["metadata"] = new JsonObject { ["generateName"] = new string('g', 70) };

        var created = await sandbox.CreateOkAsync(workflow);

        Assert.Matches("^g{58}[a-z0-9]{5}$", created["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_BodyNotWrapped_Returns400WorkflowBodyNotSpecified()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.Client.PostAsync(WorkflowPath, ArgoSandbox.JsonBody(WorkflowValidationTests.AgentShaped()));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, 3, "workflow body not specified");
    }

    [Fact]
    public async Task Create_UnknownFields_AreAccepted()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = WorkflowValidationTests.AgentShaped();
        workflow["spec"]!["onexit"] = "typo";
        var body = new JsonObject { ["workflow"] = workflow, ["surprise"] = true };

        using var response = await sandbox.Client.PostAsync(WorkflowPath, ArgoSandbox.JsonBody(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CreateCron_NoCronWorkflowInBody_Returns404NotFound()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.Client.PostAsync(CronPath, ArgoSandbox.JsonBody(new JsonObject { ["workflow"] = new JsonObject() }));

        await AssertErrorAsync(response, HttpStatusCode.NotFound, 5, "cron workflow was not found in the request body");
    }

    [Fact]
    public async Task CreateCron_MalformedSchedule_Returns400ScheduleMalformed()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var cron = CronWorkflows.Nightly("nightly");
        cron["spec"]!["schedules"] = new JsonArray("61 * * * *");

        using var response = await sandbox.Client.PostAsync(CronPath, ArgoSandbox.JsonBody(CronWorkflows.CreateBody(cron)));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, 3,
            "cron schedule 61 * * * * is malformed: end of range (61) above maximum (59): 61");
    }

    [Fact]
    public async Task UpdateCron_UnknownTimezone_Returns400AndKeepsStoredCron()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        using var created = await sandbox.Client.PostAsync(CronPath, ArgoSandbox.JsonBody(CronWorkflows.CreateBody(CronWorkflows.Nightly("nightly"))));
        var current = await ArgoSandbox.ReadObjectAsync(created);
        current["spec"]!["timezone"] = "Europe/Atlantis";

        using var response = await sandbox.Client.PutAsync($"{CronPath}/nightly", ArgoSandbox.JsonBody(new JsonObject { ["cronWorkflow"] = current }));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, 3,
            "invalid timezone \"Europe/Atlantis\": unknown time zone Europe/Atlantis");
        Assert.Null((await sandbox.GetJsonAsync($"{CronPath}/nightly"))["spec"]!["timezone"]);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, int code, string message)
    {
        var error = await ArgoSandbox.ReadObjectAsync(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, error["code"]!.GetValue<int>());
        Assert.Equal(message, error["message"]!.GetValue<string>());
    }
}
