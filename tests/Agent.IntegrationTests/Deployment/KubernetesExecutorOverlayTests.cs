using Agent.Web.Configuration;
using YamlDotNet.RepresentationModel;
using static Agent.IntegrationTests.Deployment.DeploymentArtifacts;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// overlays/kubernetes-executor runs the agent on plain Kubernetes Jobs (EXECUTOR_TYPE=simpleK8s): nothing of Argo's,
/// the automounted token for in-cluster configuration, and Roles holding exactly what the executor and the ingestion
/// pods call. The chart 1.13.3's own simpleK8s Role lacks cronjobs and secrets, which is why the overlay ships its own.
/// </summary>
public sealed class KubernetesExecutorOverlayTests
{
    private const string Overlay = "deploy/kubernetes/overlays/kubernetes-executor";

    private static readonly string[] ExecutorGrants =
    [
        // The calls src/Agent.Core/Executors/Kubernetes makes: BatchV1 Create/Read/List/Watch/Patch/Delete of Jobs,
        // Create/Read/List/Patch/Replace/Delete of CronJobs, CoreV1 List/Watch of pods, pod logs, Create/Replace of Secrets
        // (their deletion is the garbage collector's, through ownerReferences).
        "batch/cronjobs:create", "batch/cronjobs:delete", "batch/cronjobs:get", "batch/cronjobs:list", "batch/cronjobs:patch",
        "batch/cronjobs:update",
        "batch/jobs:create", "batch/jobs:delete", "batch/jobs:get", "batch/jobs:list", "batch/jobs:patch", "batch/jobs:watch",
        "core/pods/log:get", "core/pods:list", "core/pods:watch",
        "core/secrets:create", "core/secrets:update",
    ];

    [Fact]
    public async Task ConfigMap_SelectsSimpleK8sWithNoArgoVariableAndOnlyVariablesTheAgentAccepts()
    {
        var rendered = await RenderedManifests.RenderAsync(Overlay);
        var data = Mapping(rendered.Get("ConfigMap", "hybrid-ingestion-agent"), "data").Children
            .ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value ?? string.Empty);
        var accepted = EnvironmentVariableMap.All.SelectMany(variable => variable.Names).ToHashSet(StringComparer.Ordinal);

        Assert.Equal("simpleK8s", data["EXECUTOR_TYPE"]);
        Assert.DoesNotContain(data.Keys, key => key == "PIPELINE_SERVICE_CLIENT_ENDPOINT" || key.StartsWith("ARGO_", StringComparison.Ordinal));
        Assert.All(data.Keys, key => Assert.Contains(key, accepted));
        Assert.Equal(Value(rendered.Get("Role", "hybrid-ingestion-agent"), "metadata", "namespace"), data["INGESTION_NAMESPACE"]);
        Assert.Equal("kubernetes", data["SECRETS_MANAGER"]);
    }

    [Fact]
    public async Task Deployment_AutomountsTheAgentTokenAndMountsNoArgoTokenOrCa()
    {
        var rendered = await RenderedManifests.RenderAsync(Overlay);
        var pod = Mapping(Mapping(Mapping(rendered.Get("Deployment", "hybrid-ingestion-agent"), "spec"), "template"), "spec");
        var container = (YamlMappingNode)Sequence(pod, "containers").Single();

        Assert.Equal("true", Scalar(pod, "automountServiceAccountToken"));
        Assert.Equal(["tmp"], Sequence(pod, "volumes").Cast<YamlMappingNode>().Select(volume => Scalar(volume, "name")));
        Assert.Equal(["/tmp"], Sequence(container, "volumeMounts").Cast<YamlMappingNode>().Select(mount => Scalar(mount, "mountPath")));
    }

    [Fact]
    public async Task AgentRole_GrantsExactlyJobsCronJobsPodsLogsAndSecretsToTheAgentAccount()
    {
        var rendered = await RenderedManifests.RenderAsync(Overlay);
        var binding = rendered.Get("RoleBinding", "hybrid-ingestion-agent");
        var subject = (YamlMappingNode)Sequence(binding, "subjects").Single();
        var agentAccount = Value(rendered.Get("Deployment", "hybrid-ingestion-agent"), "spec", "template", "spec", "serviceAccountName");

        Assert.Equal(ExecutorGrants, Grants(rendered.Get("Role", "hybrid-ingestion-agent")));
        Assert.DoesNotContain("ClusterRole", rendered.Kinds);
        Assert.DoesNotContain("ClusterRoleBinding", rendered.Kinds);
        Assert.Equal(("Role", "hybrid-ingestion-agent"), (Value(binding, "roleRef", "kind"), Value(binding, "roleRef", "name")));
        Assert.Equal(("ServiceAccount", agentAccount), (Scalar(subject, "kind"), Scalar(subject, "name")));
    }

    [Fact]
    public async Task IngestionRole_GrantsSecretGetOnlyToTheIngestionAccountWhoseTokenIsMounted()
    {
        var rendered = await RenderedManifests.RenderAsync(Overlay);
        var account = Value(rendered.Get("ConfigMap", "hybrid-ingestion-agent"), "data", "INGESTION_SERVICE_ACCOUNT_NAME");
        var subject = (YamlMappingNode)Sequence(rendered.Get("RoleBinding", "hybrid-ingestion-pods"), "subjects").Single();
        var serviceAccount = rendered.Get("ServiceAccount", account);

        Assert.Equal(["core/secrets:get"], Grants(rendered.Get("Role", "hybrid-ingestion-pods")));
        Assert.Equal(account, Scalar(subject, "name"));
        // The Kubernetes secrets manager in the ingestion image calls the API with the pods' own token (FIDELITY §9.3).
        var automount = serviceAccount.Children.TryGetValue(new YamlScalarNode("automountServiceAccountToken"), out var node) ? ((YamlScalarNode)node).Value : null;
        Assert.NotEqual("false", automount);
    }

    /// <summary>Every group/resource:verb a Role grants, sorted; the core group is <c>core</c>.</summary>
    private static List<string> Grants(YamlMappingNode role) =>
        Sequence(role, "rules").Cast<YamlMappingNode>()
            .SelectMany(rule =>
                from apiGroup in Strings(rule, "apiGroups")
                from resource in Strings(rule, "resources")
                from verb in Strings(rule, "verbs")
                select $"{(apiGroup.Length == 0 ? "core" : apiGroup)}/{resource}:{verb}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> Strings(YamlMappingNode node, string key) => Sequence(node, key).Select(item => ((YamlScalarNode)item).Value ?? string.Empty);
}
