using System.Text.RegularExpressions;

namespace Agent.IntegrationTests.Deployment;

/// <summary>The README's fenced bash blocks that scripts/check-kustomize.sh runs, found by the HTML comment above each.</summary>
internal static partial class ReadmeBlocks
{
    public const string AgentMarker = "<!-- scripts/check-kustomize.sh runs this block";

    public const string GatewayMarker = "<!-- scripts/check-kustomize.sh runs this gateway block";

    /// <summary>The first ```bash block after the marker, as check-kustomize.sh's awk finds it.</summary>
    public static string Block(string marker)
    {
        var readme = RepositoryFiles.Read("README.md");
        var start = readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '{marker}'");
        var match = FencedBash().Match(readme, start);
        Assert.True(match.Success, $"README.md has no ```bash block after '{marker}'");
        return match.Groups["body"].Value;
    }

    /// <summary>The keys of every <c>--from-literal=KEY=</c> in a block: what the Secret it creates holds.</summary>
    public static List<string> SecretLiterals(string block) =>
        SecretLiteral().Matches(block).Select(match => match.Groups["key"].Value).ToList();

    [GeneratedRegex(@"```bash\n(?<body>.*?)\n *```", RegexOptions.Singleline)]
    private static partial Regex FencedBash();

    [GeneratedRegex(@"--from-literal=(?<key>[A-Z_]+)=")]
    private static partial Regex SecretLiteral();
}
