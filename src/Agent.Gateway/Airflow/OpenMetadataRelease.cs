namespace Agent.Gateway.Airflow;

/// <summary>
/// The OpenMetadata release whose Airflow REST dialect the routes speak. Every route cites the client method it serves
/// at <see cref="ClientCommit"/>; the plugin's answers were read at <see cref="PluginCommit"/> and the commits named in
/// /work/notes/research-15.md §3.
/// </summary>
internal static class OpenMetadataRelease
{
    /// <summary>The OpenMetadata server release; health-auth answers it unless GATEWAY_OPENMETADATA_VERSION says otherwise.</summary>
    public const string Version = "1.13.3";

    /// <summary><c>openmetadata-managed-apis</c> (the Airflow plugin) of that release: pyproject.toml <c>version = "1.13.3.2"</c>.</summary>
    public const string PluginVersion = "1.13.3.2";

    /// <summary><c>openmetadata-service/.../clients/pipeline/airflow/AirflowRESTClient.java</c>: 3-prefix probe, CSRF, deploy-time credentials.</summary>
    public const string ClientCommit = "03fa0ab6845ddb96e243e8e966079e77fe74c68a";

    /// <summary><c>openmetadata-airflow-apis/pyproject.toml</c> carrying <see cref="PluginVersion"/>.</summary>
    public const string PluginCommit = "00a7ac16af0954e768c55368a5a6cb1bf52cedd7";

    /// <summary>The prefixes <c>AirflowRESTClient.detectAirflowApiVersion</c> probes, in its order (Airflow 3, then 2, then 1).</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["pluginsv2/api/v2/openmetadata", "api/v2/openmetadata", "api/v1/openmetadata"];
}
