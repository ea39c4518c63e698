using YamlDotNet.RepresentationModel;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// A kustomize directory rendered by <c>kubectl kustomize</c>, as <c>kubectl apply -k</c> would apply it: the overlays'
/// strategic merge patches are kustomize's to interpret, so the tests read its output rather than the patch text.
/// </summary>
internal sealed class RenderedManifests
{
    private readonly List<YamlMappingNode> _objects;

    private RenderedManifests(List<YamlMappingNode> objects) => _objects = objects;

    public static async Task<RenderedManifests> RenderAsync(string relativeDirectory)
    {
        var kubectl = ExternalTool.Require("kubectl", "kubectl");
        var result = await ExternalTool.RunAsync(
            kubectl, ["kustomize", RepositoryFiles.PathOf(relativeDirectory)], input: null, environment: null, TestTimeouts.Token(TimeSpan.FromMinutes(1)));
        Assert.True(result.ExitCode == 0, result.StandardError);

        var stream = new YamlStream();
        using var reader = new StringReader(result.StandardOutput);
        stream.Load(reader);
        return new RenderedManifests(stream.Documents.Select(document => (YamlMappingNode)document.RootNode).ToList());
    }

    public IEnumerable<string> Kinds => _objects.Select(node => DeploymentArtifacts.Scalar(node, "kind"));

    /// <summary>The one object of this kind and name.</summary>
    public YamlMappingNode Get(string kind, string name) =>
        _objects.Single(node => DeploymentArtifacts.Scalar(node, "kind") == kind && DeploymentArtifacts.Value(node, "metadata", "name") == name);
}
