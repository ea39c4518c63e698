
namespace Agent.Gateway.Tests.Contract;

/// <summary>run_automation and run_application as OpenMetadata 1.13.3's AirflowRESTClient sends them.</summary>
public sealed class RunOnceContractTests
{
    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task RunAutomation_TestConnectionWorkflow_AnswersOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        // runAutomationsWorkflow @03fa0ab6: post(run_automation, JsonUtils.pojoToJson(workflow)).
        using var response = await session.Client.PostAsync("run_automation", ContractFixtures.Read(ContractFixtures.TestConnectionWorkflow));

        // runAutomationsWorkflow: statusCode() == 200 → getResponse(200, body); else PipelineServiceClientException.
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Workflow [test-connection-Mysql-01] has been triggered.", (await ContractSession.JsonAsync(response)).GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task RunApplication_App_AnswersOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        // runApplicationFlow @03fa0ab6: sendPost(APP_TRIGGER = "run_application", application) → pojoToJson(App).
        using var response = await session.Client.PostAsync("run_application", ContractFixtures.Read(ContractFixtures.App));

        // sendPost: statusCode() == 200 → getResponse(200, body); else PipelineServiceClientException with the payload.
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

        // AirflowRESTClient.post @03fa0ab6: a 400 whose body contains "CSRF token" is retried once after a token refresh.
        Assert.Equal(400, (int)response.StatusCode);
        Assert.DoesNotContain("CSRF token", body, StringComparison.Ordinal);
        Assert.Equal(["GET csrf-token", $"POST {route}"], session.Client.Sent);
    }
}
