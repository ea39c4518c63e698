using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>CustomizationStartupTests</c> on the Kubernetes executor, as a real process: the Argo spec files and the
/// policy file, which this executor does not apply yet, stop it at start with one line naming the variable (dropping an
/// operator's allow-list silently is worse), and an unusable <c>SIMPLEK8S_PIPELINE_TYPE_CONFIGS</c> stops it too.
/// </summary>
public sealed class KubernetesCustomizationStartupTests
{
    [Theory]
    [InlineData("AGENT_POLICY_FILE", "pipelineTypes: [metadata]\n")]
    [InlineData("ARGO_INGESTION_CONTAINER_SPEC_FILE_PATH", "env: []\n")]
    [InlineData("ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH", "tolerations: []\n")]
    public async Task Start_ArgoOnlyFile_ExitsTwoWithOneLineNamingTheVariable(string variable, string content)
    {
        using var files = new SpecFiles();
        var environment = KubernetesEnvironment();
        environment[variable] = files.Write("usable.yaml", content);

        var outcome = await AgentProcess.RunToExitAsync(environment, TestTimeouts.Token());

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Lines);
        Assert.Contains($"{variable} applies to the Argo executor only", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"automation\": {\"priorityClassName\": ")]
    [InlineData("[\"automation\"]")]
    public async Task Start_UnusableTypeConfig_ExitsTwoWithOneLineNamingTheVariable(string json)
    {
        var environment = KubernetesEnvironment();
        environment["SIMPLEK8S_PIPELINE_TYPE_CONFIGS"] = json;

        var outcome = await AgentProcess.RunToExitAsync(environment, TestTimeouts.Token());

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Lines);
        Assert.Contains("SIMPLEK8S_PIPELINE_TYPE_CONFIGS", line, StringComparison.Ordinal);
    }

    /// <summary>A start that would succeed (the API server is never reached before the checks), on simpleK8s.</summary>
    private static Dictionary<string, string?> KubernetesEnvironment() => new()
    {
        ["AGENT_ID"] = "k8s-customization-startup",
        ["SERVER_URL"] = "wss://collate.example.com",
        ["AUTH_TOKEN"] = "token",
        ["EXECUTOR_TYPE"] = "simpleK8s",
        ["KUBERNETES_API_URL"] = "http://127.0.0.1:9",
        ["INGESTION_NAMESPACE"] = "ingestion",
        ["INGESTION_IMAGE"] = "openmetadata/ingestion:1.9.0",
        ["METRICS_SERVER_PORT"] = "0",
        ["ADMIN_SERVER_PORT"] = "0",
        ["METRICS_SERVER_HOST"] = "127.0.0.1",
    };
}
