// Upstream line citations: OpenMetadata files read from stored copies (read_file), pages joined and written to a scratch
// file; lines counted with `grep -n` on LF line endings (the stored text had no CR; its length matched total_chars).
// AirflowRESTClient.java is read at 03fa0ab6845ddb96e243e8e966079e77fe74c68a. The other files were not stored at that
// commit: each cites the commit of the stored version read, which may differ from 1.13.3; those line numbers may drift.

namespace Agent.Gateway.Tests.Contract;

/// <summary>run_automation and run_application as OpenMetadata 1.13.3's AirflowRESTClient sends them.</summary>
public sealed class RunOnceContractTests
{
    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task RunAutomation_TestConnectionWorkflow_AnswersOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        // AirflowRESTClient.java @03fa0ab6 L576-L578 runAutomationsWorkflow: post(run_automation, JsonUtils.pojoToJson(workflow)).
        using var response = await session.Client.PostAsync("run_automation", ContractFixtures.Read(ContractFixtures.TestConnectionWorkflow));

        // AirflowRESTClient.java @03fa0ab6 L579-L580, L595-L600 runAutomationsWorkflow: statusCode() == 200 → getResponse(200, body); else PipelineServiceClientException.
        Assert.Equal(200, (int)response.StatusCode);
        // Plugin api/routes/run_automation.py @997b568b L67-L71: {"message": f"Workflow [{escape(automation_workflow.name)}] has been
        // triggered."}; escape() leaves this name unchanged. (That version imports escape from flask (L17), which Flask 3.x dropped while
        // plugin 1.13.3.2 pins Flask==3.1.3: the 1.13.3 text differs at least in that import.) The client ignores the body:
        // getResponse only copies it into reason (AirflowRESTClient.java @03fa0ab6 L580, L922-L927).
        Assert.Equal("Workflow [test-connection-Mysql-01] has been triggered.", (await ContractSession.JsonAsync(response)).GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task RunApplication_App_AnswersOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        // AirflowRESTClient.java @03fa0ab6 L604-L605, L618 runApplicationFlow: sendPost(APP_TRIGGER = "run_application", application) → pojoToJson(App)
        // (APP_TRIGGER: PipelineServiceClientInterface.java @06c47971 L45).
        using var response = await session.Client.PostAsync("run_application", ContractFixtures.Read(ContractFixtures.App));

        // AirflowRESTClient.java @03fa0ab6 L622-L623, L633-L638 sendPost: statusCode() == 200 → getResponse(200, body); else PipelineServiceClientException with the payload.
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("trigger")]
    [InlineData("kill")]
    [InlineData("enable")]
    [InlineData("disable")]
    [InlineData("run_automation")]
    [InlineData("run_application")]
    public async Task BadRequest_NeverSaysCsrfToken(string route)
    {
        await using var session = await ContractSession.StartAsync("api/v1/openmetadata");

        using var response = await session.Client.PostAsync(route, "{\"CSRF token\": ");
        var body = await response.Content.ReadAsStringAsync();

        // AirflowRESTClient.java @03fa0ab6 L296-L320 post: a 400 whose body contains "CSRF token" is retried once after a token refresh.
        Assert.Equal(400, (int)response.StatusCode);
        Assert.DoesNotContain("CSRF token", body, StringComparison.Ordinal);
        Assert.Equal(["GET csrf-token", $"POST {route}"], session.Client.Sent);
    }
}
