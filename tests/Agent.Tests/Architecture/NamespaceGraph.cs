using System.Reflection;

namespace Agent.Tests.Architecture;

/// <summary>Which namespace of one assembly uses which other namespace of it, with one example type pair per edge.</summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<(string From, string To), string> _edges = [];

    private NamespaceGraph()
    {
    }

    public IReadOnlyDictionary<(string From, string To), string> Edges => _edges;

    /// <summary>Reads the edges of <paramref name="assembly"/>, naming each namespace by <paramref name="partOf"/> (null: left out).</summary>
    public static NamespaceGraph Read(Assembly assembly, Func<string, string?> partOf)
    {
        var graph = new NamespaceGraph();
        foreach (var type in assembly.GetTypes())
        {
            if (partOf(type.Namespace ?? "") is not { } from)
            {
                continue;
            }

            foreach (var used in TypeReferences.Of(type).Where(used => used.Assembly == assembly))
            {
                if (partOf(used.Namespace ?? "") is { } to && to != from)
                {
                    graph._edges.TryAdd((from, to), $"{Outermost(type).FullName} uses {Outermost(used).FullName}");
                }
            }
        }

        return graph;
    }

    /// <summary>A graph of the given edges, e.g. a table of allowed ones.</summary>
    public static NamespaceGraph FromEdges(IEnumerable<(string From, string To)> edges)
    {
        var graph = new NamespaceGraph();
        foreach (var edge in edges)
        {
            graph._edges.TryAdd(edge, "declared");
        }

        return graph;
    }

    /// <summary>The first cycle found, as the parts along it, or null.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var next = _edges.Keys.GroupBy(edge => edge.From).ToDictionary(group => group.Key, group => group.Select(edge => edge.To).Order(StringComparer.Ordinal).ToList());
        var done = new HashSet<string>();
        var path = new List<string>();
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string part)
        {
            var onPath = path.IndexOf(part);
            if (onPath >= 0)
            {
                return [.. path.Skip(onPath), part];
            }

            if (!done.Add(part))
            {
                return null;
            }

            path.Add(part);
            foreach (var to in next.GetValueOrDefault(part) ?? [])
            {
                if (Visit(to) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}
