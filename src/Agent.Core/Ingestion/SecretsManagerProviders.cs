namespace Agent.Core.Ingestion;

/// <summary>
/// The secrets-manager providers an ingestion run can use, and the client loader each needs. The names are
/// OpenMetadata's <c>secretsManagerProvider.json</c> enum; <c>secrets_manager_factory.py</c> implements all of them
/// but <c>in-memory</c>, which raises NotImplementedError (FIDELITY §8.4), so it is not offered.
/// </summary>
internal static class SecretsManagerProviders
{
    public const string Kubernetes = "kubernetes";

    /// <summary>Provider → <c>secretsManagerLoader</c> (<c>secretsManagerClientLoader.json</c>: noop, airflow, env).</summary>
    private static readonly Dictionary<string, string> Loaders = new(StringComparer.Ordinal)
    {
        // The database manager needs no credentials: noop, as OpenMetadata's own default connection has it.
        ["db"] = "noop",

        // The external managers read their settings from the pod's environment with the env loader: AWS_DEFAULT_REGION
        // for the AWS ones (boto3 reads the keys itself), AZURE_KEY_VAULT_NAME plus Azure's default credential chain,
        // KUBERNETES_* for Kubernetes (FIDELITY §8.6, client/loader.py). With noop the Kubernetes manager crashes on
        // its missing credentials, and the others lose the region or vault name. The operator supplies those
        // variables through ARGO_EXTRA_ENVS, as the Collate hybrid set-up does (its server uses loader env too).
        ["managed-aws"] = "env",
        ["aws"] = "env",
        ["managed-aws-ssm"] = "env",
        ["aws-ssm"] = "env",
        ["managed-azure-kv"] = "env",
        ["azure-kv"] = "env",
        ["gcp"] = "env",
        [Kubernetes] = "env",
    };

    /// <summary>The accepted provider names, for messages.</summary>
    public static IEnumerable<string> Names => Loaders.Keys;

    /// <summary>The loader <paramref name="provider"/> needs, or null when it is not an accepted provider.</summary>
    public static string? LoaderFor(string provider) => Loaders.GetValueOrDefault(provider);
}
