namespace Agent.Sandbox.Argo.Image;

/// <summary>
/// What building the OpenMetadata client does with <c>workflowConfig.openMetadataServerConfig</c>'s secrets-manager
/// settings (FIDELITY §8.4, §8.6): values outside the enums fail validation; <c>in-memory</c> has no factory branch;
/// <c>kubernetes</c> needs the <c>env</c> loader and, in a pod, <c>KUBERNETES_IN_CLUSTER=true</c>.
/// </summary>
internal static class SecretsManagerRules
{
    // OpenMetadata secretsManagerProvider.json @ cf22ecc0 and secretsManagerClientLoader.json @ a083bd66.
    private static readonly string[] Providers =
        ["db", "managed-aws", "aws", "managed-aws-ssm", "aws-ssm", "managed-azure-kv", "azure-kv", "in-memory", "gcp", "kubernetes"];

    private static readonly string[] Loaders = ["noop", "airflow", "env"];

    public static void Check(Dictionary<string, object?> config, ContainerLaunch launch, string model)
    {
        var server = ConfigDocument.AsMapping(ConfigDocument.AsMapping(config.GetValueOrDefault("workflowConfig"))?.GetValueOrDefault("openMetadataServerConfig"));
        var provider = ConfigDocument.StringAt(server, "secretsManagerProvider") ?? "db";
        var loader = ConfigDocument.StringAt(server, "secretsManagerLoader") ?? "noop";
        if (!Providers.Contains(provider, StringComparer.Ordinal))
        {
            throw PythonError.Validation(model, "workflowConfig.openMetadataServerConfig.secretsManagerProvider",
                $"Input should be {string.Join(", ", Providers.Select(p => $"'{p}'"))} [type=enum, input_value='{provider}', input_type=str]");
        }

        if (!Loaders.Contains(loader, StringComparer.Ordinal))
        {
            throw PythonError.Validation(model, "workflowConfig.openMetadataServerConfig.secretsManagerLoader",
                $"Input should be 'noop', 'airflow' or 'env' [type=enum, input_value='{loader}', input_type=str]");
        }

        // secrets_manager_factory.py @ 0b4c6a27: no branch for in-memory.
        if (provider == "in-memory")
        {
            throw new PythonError("NotImplementedError", $"[{provider}] is not implemented.");
        }

        if (provider == "kubernetes")
        {
            CheckKubernetes(loader, launch);
        }
    }

    private static void CheckKubernetes(string loader, ContainerLaunch launch)
    {
        // [derived] external_secrets_manager.py: the noop loader gives no credentials, then `.inCluster` is read on None.
        if (loader != "env")
        {
            throw new PythonError("AttributeError", "'NoneType' object has no attribute 'inCluster'");
        }

        // kubernetes_secrets_manager.py @ 06c47971: out of cluster it loads a kube config, and a pod has none.
        if (launch.Env("KUBERNETES_IN_CLUSTER") != "true")
        {
            throw new PythonError("kubernetes.config.config_exception.ConfigException", "Invalid kube-config file. No configuration found.");
        }
    }
}
