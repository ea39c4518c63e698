using Agent.Gateway.Hosting;
using Agent.Gateway.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Tests.Routing;

/// <summary>Every problem in the agents file stops start-up with a message naming the file, the entry and what is wrong.</summary>
public sealed class AgentsFileLoaderTests
{
    private static readonly string Hash = AgentsFiles.EuHash;

    public static TheoryData<string, string> BadFiles => new()
    {
        { "routes: []", "agents is missing or empty" },
        { "agents: []", "agents is missing or empty" },
        { $"agents:\n  - tokenSha256: {Hash}", "agents[0] has no id" },
        { "agents:\n  - id: a\n    tokenSha256: abc", "agents[0] (id \"a\") tokenSha256 must be 64 hex digits" },
        { $"agents:\n  - id: a\n    tokenSha256: {Hash[..63]}z", "agents[0] (id \"a\") tokenSha256 must be 64 hex digits" },
        { $"agents:\n  - id: a\n    tokenSha256: {Hash}\n  - id: a\n    tokenSha256: {Hash}", "agents[1] (id \"a\") repeats an id" },
        { $"agents:\n  - id: a\n    tokenSha256: {Hash}\nroutes:\n  - agent: a", "routes[0] has no service" },
        { $"agents:\n  - id: a\n    tokenSha256: {Hash}\nroutes:\n  - service: x\n    agent: a\n  - service: y", "routes[1] (service \"y\") has no agent" },
        { $"agents:\n  - id: a\n    tokenSha256: {Hash}\nroutes:\n  - service: x\n    agent: b", "routes[0] (service \"x\") names agent \"b\", which is not declared" },
        { $"agents:\n  - id: a\n    tokenSha256: {Hash}\ndefaultAgent: b", "defaultAgent names agent \"b\", which is not declared" },
        { $"agents:\n  - id: a\n    tokenSha256: {Hash}\n    tokenSha265: {Hash}", "not valid YAML for the agents file at line 4" },
        { "agents: [", "not valid YAML" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Parse_BadFile_NamesTheFileTheEntryAndTheProblem(string yaml, string expected)
    {
        var error = Assert.Throws<AgentsFileException>(() => AgentsFileLoader.Parse(AgentsFiles.Path, yaml));

        Assert.StartsWith($"agents file {AgentsFiles.Path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GoodFile_AgentsRulesInOrderAndDefault()
    {
        var directory = AgentsFiles.Load(AgentsFiles.Standard());

        Assert.Equal(["agent-eu", "agent-us"], directory.TokenHashes.Keys.Order());
        Assert.Equal(["mysql_prod", "snowflake_*", "snowflake_eu?"], directory.Rules.Select(r => r.Service.Text));
        Assert.Equal("agent-eu", directory.DefaultAgent);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-agents-{Guid.NewGuid():N}.yaml");

        var error = Assert.Throws<AgentsFileException>(() => AgentsFileLoader.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_VariableUnset_LeavesItToTheSettingsRules()
    {
        var options = new GatewayOptions();

        Assert.True(new AgentsFileValidator().Validate(null, options).Skipped);
        Assert.Contains(new GatewayOptionsRules().Validate(null, options).Failures!, failure => failure.StartsWith("GATEWAY_AGENTS_FILE is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_BadFile_FailsWithTheLoadersMessage()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "agents: []");

            var result = new AgentsFileValidator().Validate(null, new GatewayOptions { AgentsFile = path });

            Assert.Equal($"GATEWAY_AGENTS_FILE: agents file {path}: agents is missing or empty: declare at least one agent (id and tokenSha256)", result.FailureMessage);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AddAgentDirectory_BadFile_HostDoesNotStartAndSaysWhy()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, $"agents:\n  - id: a\n    tokenSha256: {Hash}\ndefaultAgent: b");
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration["GATEWAY_AGENTS_FILE"] = path;
            builder.AddAgentDirectory();
            await using var app = builder.Build();

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestTimeouts.Token()));

            Assert.Contains("defaultAgent names agent \"b\"", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddAgentDirectory_GoodFile_ResolvesCredentialsAndRouterFromIt()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, AgentsFiles.Standard());
            var builder = WebApplication.CreateSlimBuilder();
            builder.Configuration["GATEWAY_AGENTS_FILE"] = path;
            builder.AddAgentDirectory();
            using var services = builder.Services.BuildServiceProvider();

            Assert.True(services.GetRequiredService<Agent.Gateway.Agents.IAgentCredentials>().Verify("agent-us", "us-token"));
            Assert.Equal("agent-us", services.GetRequiredService<IAgentRouter>().ForService("snowflake_x").AgentId);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
