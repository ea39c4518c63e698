using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Executors.Argo.Customization;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Argo;

/// <summary>
/// <c>SECRETS_MANAGER</c> decides where <c>secret:</c> references resolve, whatever the SaaS wrote (FIDELITY §8.4–§8.6),
/// (unset, the config goes byte for byte as sent: ConfigFidelityTests). Checked on the body the agent POSTed.
/// </summary>
public sealed class SecretsManagerTests
{
    private static readonly Dictionary<string, string?> Kubernetes = new() { ["Ingestion:SecretsManager"] = "kubernetes" };

    [Fact]
    public async Task PipelineRun_KubernetesSecretsManager_SetsProviderLoaderAndInClusterEnv()
    {
        await using var rig = await AgentRig.StartAsync("secrets-kubernetes", agentOverrides: Kubernetes);

        await rig.StartRunAsync(Guid.NewGuid().ToString());

        foreach (var container in PostedContainers(rig))
        {
            var env = KubeletExpansion.ReceivedEnv(container);
            var config = YamlToJson.Parse(env["config"])!;
            var connection = config["workflowConfig"]!["openMetadataServerConfig"]!;
            Assert.Equal("kubernetes", (string?)connection["secretsManagerProvider"]);
            Assert.Equal("env", (string?)connection["secretsManagerLoader"]);
            Assert.Equal("http://openmetadata:8585/api", (string?)connection["hostPort"]);
            Assert.Equal("secret:sandbox-mysql-password", (string?)config["source"]!["serviceConnection"]!["config"]!["authType"]!["password"]);
            Assert.Equal("true", env["KUBERNETES_IN_CLUSTER"]);
            Assert.Equal(AgentRig.Namespace, env["KUBERNETES_NAMESPACE"]);
        }
    }

    [Fact]
    public async Task AutomationRun_ManagedAws_SetsTheWorkflowsTopLevelServerConnection()
    {
        await using var rig = await AgentRig.StartAsync("secrets-automation", agentOverrides: new Dictionary<string, string?> { ["Ingestion:SecretsManager"] = "managed-aws" });
        var workflow = JsonDocument.Parse("""
            {"name":"test-connection-mysql","workflowType":"TEST_CONNECTION",
             "request":{"connection":{"config":{"type":"Mysql","authType":{"password":"secret:/prod/mysql"}}}},
             "openMetadataServerConnection":{"hostPort":"https://collate.example.com/api","secretsManagerProvider":"db","secretsManagerLoader":"noop"}}
            """).RootElement;

        var result = await rig.SendAsync(MessageTypes.AutomationRun, JsonSerializer.SerializeToElement(new AutomationRunRequest(workflow, JsonDocument.Parse("null").RootElement), ProtocolJsonContext.Default.AutomationRunRequest));

        Assert.True(result.Ok, result.Reason);
        var sent = JsonNode.Parse(KubeletExpansion.ReceivedEnv(PostedContainers(rig).Single())["config"])!;
        Assert.Equal("managed-aws", (string?)sent["openMetadataServerConnection"]!["secretsManagerProvider"]);
        Assert.Equal("env", (string?)sent["openMetadataServerConnection"]!["secretsManagerLoader"]);
        Assert.Equal("secret:/prod/mysql", (string?)sent["request"]!["connection"]!["config"]!["authType"]!["password"]);
    }

    private static List<JsonNode> PostedContainers(AgentRig rig) =>
        [.. Assert.Single(rig.Recorder.Requests, r => r.Method == "POST" && r.Route == "/api/v1/workflows/{namespace}")
            .Body!["workflow"]!["spec"]!["templates"]!.AsArray().Select(template => template!["container"]!)];
}
