using System.Text.RegularExpressions;

namespace Agent.IntegrationTests.Deployment;

/// <summary>The Dockerfile read as stages: each <c>FROM … AS name</c> with its instructions, continuation lines joined.</summary>
internal sealed partial class DockerfileStages
{
    private DockerfileStages(IReadOnlyList<Stage> stages) => All = stages;

    public sealed record Stage(string Name, string Base, IReadOnlyList<(string Keyword, string Arguments)> Instructions)
    {
        public IEnumerable<string> Arguments(string keyword) =>
            Instructions.Where(instruction => instruction.Keyword == keyword).Select(instruction => instruction.Arguments);
    }

    public IReadOnlyList<Stage> All { get; }

    public Stage this[string name] => All.SingleOrDefault(stage => stage.Name == name) ?? throw new Xunit.Sdk.XunitException($"the Dockerfile has no stage '{name}'");

    public static DockerfileStages Read()
    {
        var lines = ContinuedLine().Replace(RepositoryFiles.Read("Dockerfile"), " ").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'));
        var stages = new List<Stage>();
        foreach (var line in lines)
        {
            var parts = line.Split(' ', 2);
            var (keyword, arguments) = (parts[0].ToUpperInvariant(), parts.ElementAtOrDefault(1)?.Trim() ?? string.Empty);
            if (keyword == "FROM")
            {
                var from = FromLine().Match(arguments);
                stages.Add(new Stage(from.Groups["name"].Value, from.Groups["base"].Value, new List<(string, string)>()));
            }
            else
            {
                ((List<(string, string)>)stages[^1].Instructions).Add((keyword, arguments));
            }
        }

        return new DockerfileStages(stages);
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuedLine();

    [GeneratedRegex(@"^(?<base>\S+)(\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();
}
