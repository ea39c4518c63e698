using System.Globalization;

namespace Agent.IntegrationTests.Infrastructure;

/// <summary>Reads one sample from Prometheus text exposition, for assertions.</summary>
internal static class MetricsText
{
    public static double? Sample(string exposition, string series)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(series.Length + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
