using System.Text.RegularExpressions;

namespace Agent.Gateway.Airflow;

/// <summary>
/// The plugin's <c>clean_dag_id</c> (openmetadata_managed_apis/api/utils.py): runs of characters outside
/// <c>[0-9a-zA-Z-_]</c> become one <c>_</c>. Applied on every route, so deploy and the calls after it key the same record.
/// </summary>
internal static partial class DagIds
{
    public static string Clean(string raw) => Outside().Replace(raw, "_");

    [GeneratedRegex("[^0-9a-zA-Z\\-_]+")]
    private static partial Regex Outside();
}
