using Agent.Core.Executors.Argo;
using Agent.Web.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Configuration;

/// <summary>The chart documents the Argo endpoint as "(host:port)": the agent completes the scheme.</summary>
public class ArgoEndpointTests
{
    [Theory]
    [InlineData("argo-server.argo.svc:2746", null, false, "http://argo-server.argo.svc:2746")]
    [InlineData("10.0.0.7:2746", null, false, "http://10.0.0.7:2746")]
    [InlineData("argo-server.argo.svc:2746", "/etc/argo/ca.crt", false, "https://argo-server.argo.svc:2746")]
    [InlineData("argo-server.argo.svc:2746", null, true, "https://argo-server.argo.svc:2746")]
    [InlineData("https://argo-server.argo.svc:2746", null, false, "https://argo-server.argo.svc:2746")]
    [InlineData("http://argo-server.argo.svc:2746", "/etc/argo/ca.crt", false, "http://argo-server.argo.svc:2746")]
    public void Complete_EndpointWithoutScheme_GetsTheSchemeTheChartImplies(string endpoint, string? certificate, bool skipVerify, string expected)
    {
        var options = new ArgoOptions { Endpoint = endpoint, ServerCertificatePath = certificate, InsecureSkipVerify = skipVerify };

        ArgoEndpoint.Complete(options);

        Assert.Equal(expected, options.Endpoint);
    }

    [Fact]
    public void AgentConfiguration_ChartHostPortEndpoint_PassesValidationAsHttp()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Argo:Endpoint"] = "argo-workflows-server.argo.svc:2746",
            ["Argo:TokenFile"] = null,
        });
        builder.AddAgentConfiguration();
        using var provider = builder.Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ArgoOptions>>().Value;

        Assert.Equal("http://argo-workflows-server.argo.svc:2746", options.Endpoint);
    }
}
