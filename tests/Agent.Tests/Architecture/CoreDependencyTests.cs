using System.Reflection;

namespace Agent.Tests.Architecture;

/// <summary>
/// The parts of Agent.Core depend one way (docs/architecture.md). The graph is read from the compiled assembly, so a
/// forbidden dependency fails here however it is written: a <c>using</c>, a fully qualified name or a lambda.
/// </summary>
public sealed class CoreDependencyTests
{
    /// <summary>Each part and the parts it may use. The composition root (<c>Agent.Core</c> itself) may use all of them.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Protocol"] = [],
        ["Identity"] = [],
        ["Metrics"] = [],
        ["Connectivity"] = [],
        ["Files"] = [],
        ["Tls"] = ["Connectivity", "Files"],
        ["Logs"] = [],
        ["Ingestion"] = ["Protocol"],
        ["Link"] = ["Protocol", "Identity", "Metrics", "Tls", "Connectivity"],
        ["Execution"] = ["Protocol", "Identity", "Logs", "Ingestion", "Connectivity"],
        ["Runs"] = ["Execution", "Link", "Protocol", "Identity", "Metrics"],
        ["Operations"] = ["Link", "Execution", "Runs", "Protocol", "Identity", "Ingestion", "Metrics", "Logs", "Connectivity"],
        ["Executors.Argo"] = ["Execution", "Protocol", "Identity", "Ingestion", "Metrics", "Tls", "Logs", "Connectivity", "Files"],
        // The second executor (issue 16) depends on what the first does, never on it.
        ["Executors.Kubernetes"] = ["Execution", "Protocol", "Identity", "Ingestion", "Metrics", "Tls", "Logs", "Connectivity", "Files"],
    };

    private const string Root = "(composition)";

    private static readonly Assembly Core = typeof(Agent.Core.Protocol.Envelope).Assembly;

    [Fact]
    public void Every_namespace_of_Core_belongs_to_a_known_part()
    {
        var unknown = Core.GetTypes()
            .Select(type => type.Namespace ?? "")
            .Where(name => name.StartsWith("Agent.Core", StringComparison.Ordinal))
            .Distinct()
            .Where(name => PartOf(name) is not { } part || (part != Root && !Allowed.ContainsKey(part)))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(unknown.Count == 0, $"namespaces outside the parts of docs/architecture.md: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Core_parts_use_only_the_parts_they_are_allowed_to()
    {
        var graph = NamespaceGraph.Read(Core, PartOf);
        var forbidden = graph.Edges
            .Where(edge => edge.Key.To == Root || (edge.Key.From != Root && !(Allowed.GetValueOrDefault(edge.Key.From) ?? []).Contains(edge.Key.To)))
            .Select(edge => $"{edge.Key.From} -> {edge.Key.To} ({edge.Value})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(forbidden.Count == 0, "forbidden dependencies:\n" + string.Join("\n", forbidden));
    }

    [Fact]
    public void Core_parts_have_no_cycle()
    {
        var cycle = NamespaceGraph.Read(Core, PartOf).FindCycle();

        Assert.True(cycle is null, $"cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void The_allowed_table_itself_has_no_cycle()
    {
        // A cycle allowed by the table would let the code grow one; the table is checked like the code.
        var cycle = NamespaceGraph.FromEdges(Allowed.SelectMany(part => part.Value.Select(to => (part.Key, to)))).FindCycle();

        Assert.Null(cycle);
    }

    [Fact]
    public void A_deliberate_cycle_is_found()
    {
        // The fixtures' two namespaces use each other (Fixtures/CycleLeft.cs, Fixtures/CycleRight.cs).
        var graph = NamespaceGraph.Read(typeof(CoreDependencyTests).Assembly, name =>
            name.StartsWith("Agent.Tests.Architecture.Fixtures.", StringComparison.Ordinal) ? name["Agent.Tests.Architecture.Fixtures.".Length..] : null);

        var cycle = graph.FindCycle();

        Assert.NotNull(cycle);
        Assert.Equal(["Left", "Right", "Left"], cycle);
        Assert.Contains(("Left", "Right"), graph.Edges.Keys);
        Assert.Contains(("Right", "Left"), graph.Edges.Keys);
    }

    /// <summary><c>Agent.Core.X.…</c> belongs to part X, except <c>Agent.Core.Executors.Y.…</c>, which is part Executors.Y.</summary>
    private static string? PartOf(string name)
    {
        if (name == "Agent.Core")
        {
            return Root;
        }

        if (!name.StartsWith("Agent.Core.", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = name.Split('.');
        return segments[2] == "Executors" && segments.Length > 3 ? $"Executors.{segments[3]}" : segments[2];
    }
}
