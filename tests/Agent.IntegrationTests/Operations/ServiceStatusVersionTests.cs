using Agent.Core.Protocol;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Operations;

/// <summary>service.status answers the ingestion image's version, which OpenMetadata compares with its own, not Argo's.</summary>
public sealed class ServiceStatusVersionTests
{
    [Fact]
    public async Task ServiceStatus_ChartIngestionImage_ReportsTheOpenMetadataVersionOfTheTag()
    {
        await using var rig = await AgentRig.StartAsync("status-version", agentOverrides: new Dictionary<string, string?>
        {
            ["Ingestion:Image"] = "118146679784.dkr.ecr.eu-west-1.amazonaws.com/collate-customers-ingestion-slim-eu-west-1:om-1.13.3-cl-1.13.3",
        });

        var answer = await rig.Sandbox.ControlPlane.SendRequestAsync(rig.Agent.AgentId, MessageTypes.ServiceStatus, RequestPayloads.Empty(), rig.Cancellation);

        Assert.Equal(200, answer.Payload.GetProperty("code").GetInt32());
        var data = answer.Payload.GetProperty("data");
        Assert.Equal("1.13.3", data.GetProperty("version").GetString());
        Assert.Equal("Argo", data.GetProperty("platform").GetString());
    }
}
