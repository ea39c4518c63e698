namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// Every name a PromQL query can select from a Prometheus text exposition: each sample's name, and each declared
/// family (a labelled counter is declared before its first child exists), with a summary's <c>_sum</c> and <c>_count</c>.
/// </summary>
internal static class MetricsExposition
{
    public static IReadOnlySet<string> Names(string exposition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                names.Add(parts[2]);
                if (parts[3] is "summary" or "histogram")
                {
                    names.Add(parts[2] + "_sum");
                    names.Add(parts[2] + "_count");
                }
            }
            else if (!line.StartsWith('#'))
            {
                names.Add(line[..line.IndexOfAny(['{', ' '])]);
            }
        }

        return names;
    }
}
