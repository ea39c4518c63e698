using System.Text.RegularExpressions;
using System.Xml.Linq;
using YamlDotNet.RepresentationModel;
using static Agent.IntegrationTests.Deployment.DeploymentArtifacts;

namespace Agent.IntegrationTests.Deployment;

/// <summary>deploy/gateway agrees with the gateway's settings, the README's gateway block and the agents file format.</summary>
public sealed partial class GatewayManifestTests
{
    private const string Base = "deploy/gateway/base";

    [Fact]
    public void ConfigMapAndReadmeSecret_Keys_AreGatewaySettingsWithSecretsOnlyInTheSecret()
    {
        var configKeys = Mapping(LoadFile($"{Base}/configmap.yaml"), "data").Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToList();
        var secretKeys = ReadmeBlocks.SecretLiterals(ReadmeBlocks.Block(ReadmeBlocks.GatewayMarker));

        Assert.All(configKeys.Concat(secretKeys), key => Assert.Contains(key, GatewaySettings.All));
        Assert.All(configKeys, key => Assert.DoesNotContain(key, GatewaySettings.Secrets));
        Assert.Equal(["AIRFLOW_PASSWORD", "GATEWAY_ADMIN_API_KEY"], secretKeys.Order());
        Assert.All(secretKeys, key => Assert.Contains(key, GatewaySettings.Secrets));
    }

    [Fact]
    public void PostgresComponent_TakesTheConnectionStringFromASecret()
    {
        var component = RepositoryFiles.Read("deploy/gateway/components/postgres/kustomization.yaml");

        Assert.Matches(@"GATEWAY_STORE: postgres", component);
        Assert.Matches(@"secretKeyRef:\s+name: agent-gateway-postgres\s+key: GATEWAY_POSTGRES_CONNECTION", component);
    }

    [Fact]
    public void ImageTags_OfTheBaseAndTheExampleOverlay_AreTheVersion()
    {
        var version = XDocument.Parse(RepositoryFiles.Read("Directory.Build.props")).Descendants("Version").Single().Value;
        var container = (YamlMappingNode)Sequence(Mapping(Mapping(Mapping(LoadFile($"{Base}/deployment.yaml"), "spec"), "template"), "spec"), "containers").Single();
        var image = (YamlMappingNode)Sequence(LoadFile("deploy/gateway/overlays/example/kustomization.yaml"), "images").Single();

        Assert.Equal($"agent-gateway:{version}", Scalar(container, "image"));
        Assert.Equal(("agent-gateway", version), (Scalar(image, "name"), Scalar(image, "newTag")));
        Assert.Contains($"docker build --target gateway -t registry.example.com/agent-gateway:{version} .", RepositoryFiles.Read("README.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void AgentsExample_HasTheDesignFormatAndPlaceholderHashesNoTokenMatches()
    {
        var file = LoadFile("deploy/gateway/agents.example.yaml");
        var agents = Sequence(file, "agents").Cast<YamlMappingNode>().ToDictionary(agent => Scalar(agent, "id"), agent => Scalar(agent, "tokenSha256"));

        Assert.NotEmpty(agents);
        Assert.All(agents.Values, hash => Assert.Matches(Sha256Hex(), hash));
        // Placeholders: one repeated digit, so an unedited copy admits no agent (the brief's example is sha256("foo")).
        Assert.All(agents.Values, hash => Assert.Single(hash.Distinct()));
        Assert.All(Sequence(file, "routes").Cast<YamlMappingNode>(), route => Assert.Contains(Scalar(route, "agent"), agents.Keys));
        Assert.Contains(Scalar(file, "defaultAgent"), agents.Keys);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
