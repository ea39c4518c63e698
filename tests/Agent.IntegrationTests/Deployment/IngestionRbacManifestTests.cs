using YamlDotNet.RepresentationModel;
using static Agent.IntegrationTests.Deployment.DeploymentArtifacts;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// The ingestion pods get an account of their own with what they call themselves: Argo's executor writes
/// WorkflowTaskResults (FIDELITY §9.1) and the Kubernetes secrets manager reads Secrets (§9.3). The agent's ConfigMap
/// names that account, so every workflow runs its pods as it.
/// </summary>
public sealed class IngestionRbacManifestTests
{
    [Fact]
    public void ConfigMap_IngestionServiceAccount_IsTheShippedIngestionAccount()
    {
        var account = Value(Load("configmap.yaml"), "data", "INGESTION_SERVICE_ACCOUNT_NAME");

        Assert.Equal(Value(Load("ingestion-serviceaccount.yaml"), "metadata", "name"), account);
        Assert.Contains("ingestion-serviceaccount.yaml", Resources());
    }

    [Fact]
    public void IngestionRole_GrantsTaskResultsAndSecretReadsOnly()
    {
        var rules = Sequence(Load("ingestion-role.yaml"), "rules").Cast<YamlMappingNode>()
            .SelectMany(rule => Strings(rule, "resources").Select(resource => (resource, verbs: Strings(rule, "verbs").Order().ToList())))
            .ToDictionary(pair => pair.resource, pair => pair.verbs);

        Assert.Equal(["workflowtaskresults", "secrets"], rules.Keys);
        Assert.Equal(["create", "patch"], rules["workflowtaskresults"]);
        Assert.Equal(["get"], rules["secrets"]);
        Assert.Contains("ingestion-role.yaml", Resources());
    }

    [Fact]
    public void IngestionRoleBinding_BindsTheIngestionRoleToTheIngestionAccount()
    {
        var binding = Load("ingestion-rolebinding.yaml");
        var subject = (YamlMappingNode)Sequence(binding, "subjects").Single();

        Assert.Equal(Value(Load("ingestion-role.yaml"), "metadata", "name"), Value(binding, "roleRef", "name"));
        Assert.Equal(Value(Load("configmap.yaml"), "data", "INGESTION_SERVICE_ACCOUNT_NAME"), Scalar(subject, "name"));
        Assert.Contains("ingestion-rolebinding.yaml", Resources());
    }

    private static List<string> Resources() =>
        Sequence(Load("kustomization.yaml"), "resources").Select(node => ((YamlScalarNode)node).Value!).ToList();

    private static List<string> Strings(YamlMappingNode node, string key) =>
        Sequence(node, key).Select(item => ((YamlScalarNode)item).Value!).ToList();
}
