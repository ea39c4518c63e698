using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Agent.IntegrationTests.Deployment;

/// <summary>Reads the checked-in artifacts under deploy/kubernetes: the kustomize base and the Prometheus Operator component.</summary>
internal static class DeploymentArtifacts
{
    public const string Directory = "deploy/kubernetes/base";

    public const string PrometheusOperatorDirectory = "deploy/kubernetes/components/prometheus-operator";

    /// <summary>Every <c>targets[].expr</c> of every panel of the Grafana dashboard, rows included.</summary>
    public static IReadOnlyList<string> DashboardExpressions()
    {
        using var dashboard = JsonDocument.Parse(RepositoryFiles.Read($"{Directory}/dashboards/hybrid-agent.json"));
        return Panels(dashboard.RootElement)
            .Where(panel => panel.TryGetProperty("targets", out _))
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString() ?? string.Empty)
            .ToList();
    }

    /// <summary>Every <c>expr</c> of every rule in the PrometheusRule's groups.</summary>
    public static IReadOnlyList<string> RuleExpressions() =>
        Sequence(Mapping(LoadFile($"{PrometheusOperatorDirectory}/prometheusrule.yaml"), "spec"), "groups")
            .SelectMany(group => Sequence((YamlMappingNode)group, "rules"))
            .Select(rule => Scalar((YamlMappingNode)rule, "expr"))
            .ToList();

    /// <summary>A file of the base.</summary>
    public static YamlMappingNode Load(string fileName) => LoadFile($"{Directory}/{fileName}");

    /// <summary>A one-document YAML file, by its path in the repository.</summary>
    public static YamlMappingNode LoadFile(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(RepositoryFiles.Read(relativePath));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    public static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    public static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? string.Empty;

    /// <summary>The scalar at the end of a path of mapping keys.</summary>
    public static string Value(YamlMappingNode node, params string[] path)
    {
        foreach (var key in path[..^1])
        {
            node = Mapping(node, key);
        }

        return Scalar(node, path[^1]);
    }

    private static IEnumerable<JsonElement> Panels(JsonElement container)
    {
        if (!container.TryGetProperty("panels", out var panels))
        {
            yield break;
        }

        foreach (var panel in panels.EnumerateArray())
        {
            yield return panel;
            foreach (var nested in Panels(panel))
            {
                yield return nested;
            }
        }
    }
}
