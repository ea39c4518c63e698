namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// scripts/check-kustomize.sh (also run by .ci/run) renders and checks every variant of deploy/kubernetes and
/// deploy/gateway and both README blocks, and passes on the checked-in files.
/// </summary>
public sealed class CheckKustomizeScriptTests
{
    [Fact]
    public async Task Script_RendersEveryGatewayVariantAndTheReadmeGatewayBlock()
    {
        ExternalTool.Require("kubectl", "kubectl");
        var overlays = Directory.GetDirectories(RepositoryFiles.PathOf("deploy/gateway/overlays")).Select(Path.GetFileName).ToList();

        var result = await ExternalTool.RunAsync(
            "bash", [RepositoryFiles.PathOf("scripts/check-kustomize.sh")], input: null, environment: null, TestTimeouts.Token(TimeSpan.FromMinutes(3)));

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.NotEmpty(overlays);
        foreach (var variant in overlays.Select(overlay => $"overlays/{overlay}").Append("base").Append("overlays/.base-with-postgres"))
        {
            Assert.Contains($"check-kustomize: gateway {variant} renders", result.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("check-kustomize: README gateway block (overlays/my-gateway) renders", result.StandardOutput, StringComparison.Ordinal);

        // The agent's variants, the Kubernetes executor's checked as such (its RBAC, no Argo), the others as Argo's.
        var agentOverlays = Directory.GetDirectories(RepositoryFiles.PathOf("deploy/kubernetes/overlays")).Select(Path.GetFileName).ToList();
        Assert.Contains("kubernetes-executor", agentOverlays);
        foreach (var variant in agentOverlays.Select(overlay => $"overlays/{overlay}").Append("base").Append("overlays/.base-with-prometheus-operator"))
        {
            Assert.Contains($"check-kustomize: {variant} renders", result.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("check-kustomize: overlays/kubernetes-executor renders (10 objects; EXECUTOR_TYPE simpleK8s", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("check-kustomize: README deploy block (overlays/my-agent) renders", result.StandardOutput, StringComparison.Ordinal);
    }
}
