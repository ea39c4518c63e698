using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static Agent.IntegrationTests.Deployment.DeploymentArtifacts;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// docker-compose.yml's gateway services: the gateway target, only the gateway's own settings, no secret written in the
/// file, the agents file mounted where GATEWAY_AGENTS_FILE points, the SQLite file on a named volume, and behind
/// profiles so the README's `docker compose up` still starts only the demo.
/// </summary>
public sealed partial class GatewayComposeTests
{
    private static readonly YamlMappingNode Root = LoadFile("docker-compose.yml");

    [Theory]
    [InlineData("gateway", "gateway")]
    [InlineData("gateway-postgres", "postgres")]
    public void GatewayService_BuildsTheGatewayTargetBehindItsProfileWithGatewaySettingsOnly(string service, string profile)
    {
        var definition = Service(service);
        var environment = Environment(definition);

        Assert.Equal("gateway", Value(definition, "build", "target"));
        Assert.Equal([profile], Sequence(definition, "profiles").Select(node => ((YamlScalarNode)node).Value));
        Assert.All(environment.Keys, name => Assert.Contains(name, GatewaySettings.All));
        Assert.Contains("AIRFLOW_USERNAME", environment.Keys);
        Assert.Contains("AIRFLOW_PASSWORD", environment.Keys);
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("gateway-postgres")]
    public void GatewayService_SecretsComeFromTheShellNeverFromTheFile(string service)
    {
        foreach (var (name, value) in Environment(Service(service)).Where(pair => GatewaySettings.Secrets.Contains(pair.Key)))
        {
            // A bare key passes the operator's variable through (and leaves it unset when they set none). A connection
            // string may name its host and user, but its password is an interpolated variable.
            Assert.True(value.Length == 0 || (PasswordPart().Match(value) is { Success: true } password && Interpolation().IsMatch(password.Groups["value"].Value)),
                $"{service}: {name} is written in docker-compose.yml");
        }
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("gateway-postgres")]
    public void GatewayService_MountsAnExistingAgentsFileWhereGatewayAgentsFilePoints(string service)
    {
        var definition = Service(service);
        var mounts = Sequence(definition, "volumes").Select(node => ((YamlScalarNode)node).Value!.Split(':')).ToList();
        var agents = mounts.Single(mount => mount[1] == Environment(definition)["GATEWAY_AGENTS_FILE"]);

        Assert.True(File.Exists(RepositoryFiles.PathOf(agents[0])), $"{agents[0]} does not exist");
        Assert.Equal("ro", agents.ElementAtOrDefault(2));
    }

    [Fact]
    public void SqliteGateway_KeepsItsDatabaseOnANamedVolume()
    {
        var definition = Service("gateway");
        var environment = Environment(definition);
        var mounts = Sequence(definition, "volumes").Select(node => ((YamlScalarNode)node).Value!.Split(':')).ToList();
        var data = mounts.Single(mount => environment["GATEWAY_SQLITE_PATH"].StartsWith(mount[1] + "/", StringComparison.Ordinal));

        Assert.Equal("sqlite", environment["GATEWAY_STORE"]);
        Assert.Contains(new YamlScalarNode(data[0]), Mapping(Root, "volumes").Children.Keys);
    }

    [Fact]
    public void PostgresGateway_WaitsForAHealthyPostgresOfItsProfileAndConnectsToIt()
    {
        var definition = Service("gateway-postgres");
        var environment = Environment(definition);

        Assert.Equal("postgres", environment["GATEWAY_STORE"]);
        Assert.Contains("Host=postgres;", environment["GATEWAY_POSTGRES_CONNECTION"], StringComparison.Ordinal);
        Assert.Equal("service_healthy", Value(definition, "depends_on", "postgres", "condition"));
        Assert.Equal(["postgres"], Sequence(Service("postgres"), "profiles").Select(node => ((YamlScalarNode)node).Value));
        Assert.DoesNotContain(new YamlScalarNode("GATEWAY_SQLITE_PATH"), Mapping(definition, "environment").Children.Keys);
    }

    [Fact]
    public void DemoServices_HaveNoProfileSoComposeUpStillStartsTheDemo()
    {
        foreach (var service in new[] { "sandbox", "agent" })
        {
            Assert.DoesNotContain(new YamlScalarNode("profiles"), Service(service).Children.Keys);
        }
    }

    private static YamlMappingNode Service(string name) => Mapping(Mapping(Root, "services"), name);

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        Mapping(service, "environment").Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value ?? string.Empty, StringComparer.Ordinal);

    [GeneratedRegex(@"Password=(?<value>[^;]*)")]
    private static partial Regex PasswordPart();

    [GeneratedRegex(@"^\$\{[A-Z_]+(:-)?\}$")]
    private static partial Regex Interpolation();
}
