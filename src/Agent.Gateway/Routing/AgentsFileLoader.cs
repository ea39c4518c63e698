using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Agent.Gateway.Routing;

/// <summary>
/// Reads and checks <c>GATEWAY_AGENTS_FILE</c>. Every problem is an <see cref="AgentsFileException"/> whose message
/// names the file, the entry (<c>agents[1]</c>, <c>routes[0]</c>, <c>defaultAgent</c>) and what is wrong, so an operator
/// can fix the file from the one line start-up prints. Unknown keys are refused too: a misspelt <c>tokenSha256</c>
/// would otherwise load as an agent nobody can log in as.
/// </summary>
internal static class AgentsFileLoader
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static AgentDirectory Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AgentsFileException($"agents file {path}: cannot be read ({ex.Message})", ex);
        }

        return Parse(path, text);
    }

    public static AgentDirectory Parse(string path, string yaml)
    {
        AgentsFileDocument? document;
        try
        {
            document = Reader.Deserialize<AgentsFileDocument?>(yaml);
        }
        catch (YamlException ex)
        {
            throw new AgentsFileException($"agents file {path}: not valid YAML for the agents file at line {ex.Start.Line}, column {ex.Start.Column}: {Innermost(ex).Message}", ex);
        }

        var agents = ReadAgents(path, document?.Agents);
        var rules = ReadRoutes(path, document?.Routes, agents);
        var defaultAgent = document?.DefaultAgent;
        if (defaultAgent is not null && !agents.ContainsKey(defaultAgent))
        {
            throw Problem(path, "defaultAgent", $"names agent \"{defaultAgent}\", which is not declared under agents");
        }

        return new AgentDirectory(path, agents, rules, defaultAgent);
    }

    private static Dictionary<string, byte[]> ReadAgents(string path, List<AgentsFileAgent?>? entries)
    {
        if (entries is null || entries.Count == 0)
        {
            throw Problem(path, "agents", "is missing or empty: declare at least one agent (id and tokenSha256)");
        }

        var agents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            var where = $"agents[{index}]";
            if (string.IsNullOrWhiteSpace(entry?.Id))
            {
                throw Problem(path, where, "has no id");
            }

            if (!TokenHash.IsHex(entry.TokenSha256))
            {
                throw Problem(path, $"{where} (id \"{entry.Id}\")",
                    $"tokenSha256 must be {TokenHash.HexLength} hex digits (the SHA-256 of the token; `Agent.Gateway hash-token` prints it)");
            }

            if (!agents.TryAdd(entry.Id, Convert.FromHexString(entry.TokenSha256!)))
            {
                throw Problem(path, $"{where} (id \"{entry.Id}\")", "repeats an id declared earlier");
            }
        }

        return agents;
    }

    private static List<RouteRule> ReadRoutes(string path, List<AgentsFileRoute?>? entries, Dictionary<string, byte[]> agents)
    {
        var rules = new List<RouteRule>();
        for (var index = 0; index < (entries?.Count ?? 0); index++)
        {
            var entry = entries![index];
            var where = $"routes[{index}]";
            if (string.IsNullOrWhiteSpace(entry?.Service))
            {
                throw Problem(path, where, "has no service (a service FQN, or a glob with * and ?)");
            }

            if (string.IsNullOrWhiteSpace(entry.Agent))
            {
                throw Problem(path, $"{where} (service \"{entry.Service}\")", "has no agent");
            }

            if (!agents.ContainsKey(entry.Agent))
            {
                throw Problem(path, $"{where} (service \"{entry.Service}\")", $"names agent \"{entry.Agent}\", which is not declared under agents");
            }

            rules.Add(new RouteRule(index, new ServicePattern(entry.Service), entry.Agent));
        }

        return rules;
    }

    private static AgentsFileException Problem(string path, string entry, string what) =>
        new($"agents file {path}: {entry} {what}");

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is null ? exception : Innermost(exception.InnerException);
}
