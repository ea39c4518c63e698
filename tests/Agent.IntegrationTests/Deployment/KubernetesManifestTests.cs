using Agent.Web.Configuration;
using YamlDotNet.RepresentationModel;
using static Agent.IntegrationTests.Deployment.DeploymentArtifacts;

namespace Agent.IntegrationTests.Deployment;

/// <summary>The kustomize base agrees with the agent: variable names, ports, probes, shutdown grace, restricted pod.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly Dictionary<string, EnvironmentVariable> Variables =
        // A name may set several keys (INGESTION_NAMESPACE sets Argo:Namespace and Kubernetes:Namespace); it is secret or not alike in each.
        EnvironmentVariableMap.All.SelectMany(variable => variable.Names.Select(name => (name, variable)))
            .GroupBy(pair => pair.name).ToDictionary(group => group.Key, group => group.First().variable);

    [Fact]
    public void ConfigMapAndReadmeSecret_Keys_AreVariablesTheAgentAcceptsWithSecretsOnlyInTheSecret()
    {
        // The base ships no Secret: the README's deploy section creates it with one --from-literal per key.
        var configKeys = Keys(Load("configmap.yaml"), "data");
        var secretKeys = ReadmeBlocks.SecretLiterals(ReadmeBlocks.Block(ReadmeBlocks.AgentMarker));

        Assert.All(configKeys.Concat(secretKeys), key => Assert.True(Variables.ContainsKey(key), $"{key} is not a variable the agent reads"));
        Assert.All(configKeys, key => Assert.False(Variables[key].IsSecret, $"{key} is a secret: it belongs in the Secret"));
        Assert.Equal(["ADMIN_API_KEY", "AUTH_TOKEN"], secretKeys.Order());
    }

    [Fact]
    public void Deployment_ArgoTokenFile_IsTheProjectedTokenOfTheAgentAccountMountedReadOnly()
    {
        var pod = PodSpec();
        var volume = Sequence(pod, "volumes").Cast<YamlMappingNode>().Single(node => Scalar(node, "name") == "argo-token");
        var token = Mapping((YamlMappingNode)Sequence(Mapping(volume, "projected"), "sources").Single(), "serviceAccountToken");
        var mount = Sequence(Container(), "volumeMounts").Cast<YamlMappingNode>().Single(node => Scalar(node, "name") == "argo-token");

        Assert.Equal(Value(Load("configmap.yaml"), "data", "ARGO_TOKEN_FILE"), $"{Scalar(mount, "mountPath")}/{Scalar(token, "path")}");
        Assert.Equal("true", Scalar(mount, "readOnly"));
        Assert.InRange(int.Parse(Scalar(token, "expirationSeconds"), System.Globalization.CultureInfo.InvariantCulture), 600, 86400);
        Assert.Equal(Value(Load("serviceaccount.yaml"), "metadata", "name"), Scalar(pod, "serviceAccountName"));
        Assert.Equal("false", Scalar(pod, "automountServiceAccountToken"));
        Assert.StartsWith("https://", Value(Load("configmap.yaml"), "data", "PIPELINE_SERVICE_CLIENT_ENDPOINT"), StringComparison.Ordinal);
    }

    [Fact]
    public void Deployment_TerminationGracePeriod_ExceedsShutdownGracePlusHostMargin()
    {
        var shutdownGrace = int.Parse(Value(Load("configmap.yaml"), "data", "SHUTDOWN_GRACE_SECONDS"), System.Globalization.CultureInfo.InvariantCulture);
        var podGrace = int.Parse(Value(PodSpec(), "terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture);

        // The host's own shutdown timeout is SHUTDOWN_GRACE_SECONDS + 5 (Agent.Web HostShutdownTimeout).
        Assert.True(podGrace > shutdownGrace + 5, $"terminationGracePeriodSeconds {podGrace} must exceed {shutdownGrace} + 5");
    }

    [Fact]
    public void Deployment_Probes_AskHealthAndReadyOnTheMetricsPort()
    {
        var container = Container();
        var metricsPort = Value(Load("configmap.yaml"), "data", "METRICS_SERVER_PORT");
        var ports = Sequence(container, "ports").Cast<YamlMappingNode>().ToDictionary(port => Scalar(port, "name"), port => Scalar(port, "containerPort"));

        Assert.Equal(metricsPort, ports["metrics"]);
        Assert.Equal(Value(Load("configmap.yaml"), "data", "ADMIN_SERVER_PORT"), ports["admin"]);
        Assert.Equal("/health", Value(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("metrics", Value(container, "livenessProbe", "httpGet", "port"));
        Assert.Equal("/ready", Value(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("metrics", Value(container, "readinessProbe", "httpGet", "port"));
    }

    [Fact]
    public void Deployment_SecurityContext_IsNonRootReadOnlyWithoutCapabilities()
    {
        var pod = Mapping(PodSpec(), "securityContext");
        var container = Mapping(Container(), "securityContext");

        Assert.Equal("true", Scalar(pod, "runAsNonRoot"));
        Assert.NotEqual("0", Scalar(pod, "runAsUser"));
        Assert.Equal("RuntimeDefault", Value(pod, "seccompProfile", "type"));
        Assert.Equal("false", Scalar(container, "allowPrivilegeEscalation"));
        Assert.Equal("true", Scalar(container, "readOnlyRootFilesystem"));
        Assert.Equal(["ALL"], Sequence(Mapping(container, "capabilities"), "drop").Select(node => ((YamlScalarNode)node).Value));
        Assert.Equal("1", Value(Load("deployment.yaml"), "spec", "replicas"));
    }

    private static YamlMappingNode PodSpec() => Mapping(Mapping(Mapping(Load("deployment.yaml"), "spec"), "template"), "spec");

    private static YamlMappingNode Container() => (YamlMappingNode)Sequence(PodSpec(), "containers").Single();

    private static List<string> Keys(YamlMappingNode document, string section) =>
        Mapping(document, section).Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToList();
}
