using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Deployment;

/// <summary>Swagger UI, as an operator's browser shows it, lists the admin operations.</summary>
public sealed class SwaggerUiBrowserTests
{
    [Fact]
    public async Task SwaggerUi_HeadlessChromium_RendersTheAdminOperations()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "swagger-ui-agent");
        agent.StartServer();
        using var admin = agent.CreateAdminClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var served = await admin.GetStringAsync("/swagger/index.html", deadline.Token);

        var rendered = await HeadlessChromium.DumpDomAsync(new Uri(agent.AdminUrl, "/swagger/index.html"), deadline.Token);

        // The operations exist only once Swagger UI's scripts have fetched swagger.json and rendered it.
        Assert.DoesNotContain("/admin/jobs", served, StringComparison.Ordinal);
        Assert.Contains("opblock", rendered, StringComparison.Ordinal);
        Assert.Contains("/admin/connection", rendered, StringComparison.Ordinal);
        Assert.Contains("/admin/jobs", rendered, StringComparison.Ordinal);
    }
}
