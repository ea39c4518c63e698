using System.Text.RegularExpressions;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// docs/configuration.md "Chart values" has one row for every value of the public runner chart 1.13.3, each saying what
/// it renders and what the agent does with it; no row leaves a value "ignored" (issue 16 acceptance). The keys are
/// committed here, read from the chart's values.yaml and templates at commit 4e36fbf, so the test stands alone.
/// </summary>
public sealed partial class ChartValuesDocTests
{
    /// <summary>
    /// Every key of charts/hybrid-ingestion-runner/values.yaml @ 4e36fbf (1.13.3) in dotted form, the commented-out ones
    /// included, then those the templates read that values.yaml does not set.
    /// </summary>
    private static readonly string[] ChartValues =
    [
        "replicaCount", "image.repository", "image.tag", "image.pullPolicy", "imagePullSecrets", "extraEnvs", "envFrom",
        "commonLabels", "deploymentAnnotations", "podAnnotations", "service.type", "service.port", "service.metricsPort",
        "config.agentId", "config.authToken", "config.authTokenSecret.name", "config.authTokenSecret.key", "config.serverHost",
        "config.useSecureProtocols", "config.secretsManager", "config.reconnectDelaySeconds", "config.dynamicIngestionVersionEnabled",
        "config.ingestionPods.namespace", "config.ingestionPods.repository", "config.ingestionPods.tag",
        "config.ingestionPods.imagePullSecrets", "config.ingestionPods.disableVersionValidation",
        "config.ingestionPods.serviceAccount.create", "config.ingestionPods.serviceAccount.name",
        "config.ingestionPods.serviceAccount.annotations", "config.ingestionPods.serviceAccount.automount",
        "config.ingestionPods.customerToleration", "config.ingestionPods.autoMountSAToken",
        "config.ingestionPods.resources.limits.cpu", "config.ingestionPods.resources.limits.memory",
        "config.ingestionPods.resources.requests.cpu", "config.ingestionPods.resources.requests.memory",
        "config.ingestionPods.automationResources.limits.cpu", "config.ingestionPods.automationResources.limits.memory",
        "config.ingestionPods.automationResources.requests.cpu", "config.ingestionPods.automationResources.requests.memory",
        "config.ingestionPods.extraEnvs", "config.ingestionPods.additionalPipelineConfigs",
        "config.ingestionPods.customConfig.enabled", "config.ingestionPods.customConfig.containerParams",
        "config.ingestionPods.customConfig.workflowParams",
        "config.argoWorkflows.endpoint", "config.argoWorkflows.backOffTime", "config.argoWorkflows.certificatePath",
        "config.argoWorkflows.secondsAfterCompletionTTL",
        "serviceAccount.create", "serviceAccount.annotations", "serviceAccount.automount", "openshift.enabled",
        "podDisruptionBudget.enabled", "podDisruptionBudget.annotations", "podDisruptionBudget.minAvailable", "podDisruptionBudget.maxUnavailable",
        "serviceMonitor.enabled", "serviceMonitor.interval", "serviceMonitor.annotations", "serviceMonitor.labels",
        "prometheusRules.enabled", "prometheusRules.extraRules",
        "grafanaDashboard.enabled", "grafanaDashboard.namespace", "grafanaDashboard.folderName", "grafanaDashboard.instanceSelector.dashboards",
        "grafanaDashboard.labels", "grafanaDashboard.annotations", "grafanaDashboard.allowCrossNamespaceImport",
        "grafanaDashboard.plugins", "grafanaDashboard.datasources",
        "nodeSelector", "tolerations", "affinity",
        "ecrRegistryHelper.enabled", "ecrRegistryHelper.schedule", "ecrRegistryHelper.image.repository", "ecrRegistryHelper.image.tag",
        "ecrRegistryHelper.image.pullPolicy", "ecrRegistryHelper.serviceAccount.create", "ecrRegistryHelper.serviceAccount.name",
        "ecrRegistryHelper.serviceAccount.annotations", "ecrRegistryHelper.resources.limits.cpu", "ecrRegistryHelper.resources.limits.memory",
        "ecrRegistryHelper.resources.requests.cpu", "ecrRegistryHelper.resources.requests.memory",
        "ecrRegistryHelper.collateCredentials.secretRef", "ecrRegistryHelper.collateCredentials.values.accessKeyId",
        "ecrRegistryHelper.collateCredentials.values.secretAccessKey", "ecrRegistryHelper.collateCredentials.values.account",
        "installArgoWorkflows", "createArgoWorkflowsNamespace",
        "argoWorkflows.fullnameOverride", "argoWorkflows.namespaceOverride", "argoWorkflows.crds.install",
        "argoWorkflows.controller.serviceAccount.create", "argoWorkflows.controller.serviceAccount.name",
        "argoWorkflows.server.serviceAccount.create", "argoWorkflows.server.serviceAccount.name", "argoWorkflows.server.extraArgs",
        "argoWorkflows.artifactRepository.archiveLogs",

        // Read by templates/deployment.yaml, _helpers.tpl and the ECR helper Job, absent from values.yaml.
        "config.ingestionPods.automountSAToken", "config.argoWorkflows.backoffTime", "podLabels", "podSecurityContext",
        "securityContext", "livenessProbe", "readinessProbe", "resources", "volumes", "volumeMounts", "nameOverride",
        "fullnameOverride", "namespaceOverride", "serviceAccount.name", "ecrRegistryHelper.ttlSecondsAfterFinished",
        "ecrRegistryHelper.backoffLimit",
    ];

    [Fact]
    public void ChartValuesSection_HasOneRowPerChartValue()
    {
        var keys = Rows().Select(row => row.Key).ToList();

        Assert.Equal(ChartValues.Length, ChartValues.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(keys.GroupBy(key => key, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key));
        Assert.Equal(ChartValues.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ChartValuesSection_EveryRowSaysWhatItRendersAndWhatTheAgentDoesNeverIgnored()
    {
        Assert.All(Rows(), row =>
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Renders), $"{row.Key}: no 'renders' cell");
            Assert.False(string.IsNullOrWhiteSpace(row.Agent), $"{row.Key}: no 'this agent' cell");
            Assert.DoesNotContain("ignored", row.Agent, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("no effect", row.Agent, StringComparison.OrdinalIgnoreCase);
            // An environment variable the row names comes with the template line it is rendered at.
            if (row.Renders.Contains("none: Kubernetes object only", StringComparison.Ordinal) is false)
            {
                Assert.Matches(LineCitation(), row.Renders);
            }
        });
    }

    private sealed record Row(string Key, string Renders, string Agent);

    /// <summary>The rows of both tables of the section, from its heading to the next one.</summary>
    private static List<Row> Rows()
    {
        var document = RepositoryFiles.Read("docs/configuration.md");
        var start = document.IndexOf("\n## Chart values\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/configuration.md has no '## Chart values' section");
        var end = document.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? document[start..] : document[start..end];

        return section.Split('\n')
            .Select(line => TableRow().Match(line))
            .Where(match => match.Success)
            .Select(match => new Row(match.Groups["key"].Value, match.Groups["renders"].Value.Trim(), match.Groups["agent"].Value.Trim()))
            .ToList();
    }

    // | `key` (default) | renders | this agent |; the cells hold no unescaped `|`.
    [GeneratedRegex(@"^\| `(?<key>[A-Za-z][A-Za-z0-9.]*)`[^|]* \|(?<renders>[^|]*)\|(?<agent>[^|]*)\|$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"L\d+|nothing in 1\.13\.3|\*\*nothing\*\*")]
    private static partial Regex LineCitation();
}
