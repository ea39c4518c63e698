using System.Xml.Linq;
using Agent.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;
using static Agent.IntegrationTests.Deployment.DeploymentArtifacts;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// One version, <c>MAJOR.MINOR.PATCH</c> in Directory.Build.props, is the hello's agentVersion, the image tag of the
/// base and of the example overlay, the tag the README builds, and a CHANGELOG.md heading.
/// </summary>
public sealed class VersionSchemeTests
{
    private static readonly Lazy<string> Version = new(() =>
        XDocument.Parse(RepositoryFiles.Read("Directory.Build.props")).Descendants("Version").Single().Value);

    [Fact]
    public void Version_IsMajorMinorPatch() => Assert.Matches(@"^\d+\.\d+\.\d+$", Version.Value);

    [Fact]
    public async Task Hello_AgentVersion_IsTheVersionOfDirectoryBuildProps()
    {
        await using var rig = await AgentRig.StartAsync("version-agent");
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);

        Assert.Equal(Version.Value, sandbox.ControlPlane.GetAgent(agent.AgentId).LastHello!.AgentVersion);
    }

    [Fact]
    public void ImageTags_OfTheBaseAndTheExampleOverlay_AreTheVersion()
    {
        var container = (YamlMappingNode)Sequence(Mapping(Mapping(Mapping(Load("deployment.yaml"), "spec"), "template"), "spec"), "containers").Single();
        var image = (YamlMappingNode)Sequence(LoadFile("deploy/kubernetes/overlays/example/kustomization.yaml"), "images").Single();

        Assert.Equal($"hybrid-ingestion-agent:{Version.Value}", Scalar(container, "image"));
        Assert.Equal("hybrid-ingestion-agent", Scalar(image, "name"));
        Assert.Equal(Version.Value, Scalar(image, "newTag"));
    }

    [Fact]
    public void ReadmeAndChangelog_NameTheVersion()
    {
        Assert.Contains($"docker build -t registry.example.com/hybrid-ingestion-agent:{Version.Value} .", RepositoryFiles.Read("README.md"), StringComparison.Ordinal);
        Assert.Contains($"## [{Version.Value}]", RepositoryFiles.Read("CHANGELOG.md"), StringComparison.Ordinal);
    }
}
