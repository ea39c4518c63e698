namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// scripts/check-kustomize.sh (also run by .ci/run) renders and checks every variant of deploy/gateway and the README's
/// gateway block, and passes on the checked-in files.
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
    }
}
