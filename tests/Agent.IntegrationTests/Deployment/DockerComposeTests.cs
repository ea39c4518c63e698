using System.Text.RegularExpressions;
using Agent.Web.Hosting;
using YamlDotNet.RepresentationModel;

namespace Agent.IntegrationTests.Deployment;

/// <summary>docker-compose.yml starts an agent the start-up rules accept, without a well-known admin key baked in.</summary>
public sealed partial class DockerComposeTests
{
    [Fact]
    public void Agent_AdminSettings_PassTheStartupRulesWithAKeyComposeRequires()
    {
        var environment = AgentEnvironment();
        var server = new ServerOptions
        {
            AdminHost = environment.GetValueOrDefault("ADMIN_SERVER_HOST"),
            AdminApiKey = Interpolated(environment.GetValueOrDefault("ADMIN_API_KEY")),
            AdminApiKeyFile = environment.GetValueOrDefault("ADMIN_API_KEY_FILE"),
        };

        var result = new ServerOptionsRules().Validate(null, server);

        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
    }

    private static Dictionary<string, string> AgentEnvironment()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(RepositoryFiles.Read("docker-compose.yml"));
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var agent = DeploymentArtifacts.Mapping(DeploymentArtifacts.Mapping(root, "services"), "agent");
        return DeploymentArtifacts.Mapping(agent, "environment").Children
            .ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value ?? string.Empty, StringComparer.Ordinal);
    }

    /// <summary>
    /// A key must come from the operator through compose's required-variable form <c>${NAME:?message}</c>: a literal
    /// or a <c>:-default</c> would be a key everyone who read the repository knows. Stands in a valid key for it.
    /// </summary>
    private static string? Interpolated(string? value)
    {
        if (value is null)
        {
            return null;
        }

        Assert.Matches(RequiredVariable(), value);
        return "a-key-the-operator-chose-0123456789";
    }

    [GeneratedRegex(@"^\$\{[A-Z_]+:\?[^}]+\}$")]
    private static partial Regex RequiredVariable();
}
