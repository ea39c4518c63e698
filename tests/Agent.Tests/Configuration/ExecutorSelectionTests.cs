using System.Collections;
using Agent.Core.Execution;
using Agent.Web.Configuration;
using Agent.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Agent.Tests.Configuration;

/// <summary>EXECUTOR_TYPE and the chart's simpleK8s variables (issue 16, item 3).</summary>
public sealed class ExecutorSelectionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("argo")]
    [InlineData("Argo")]
    public void Read_ArgoOrUnset_IsArgo(string? value) =>
        Assert.Equal(ExecutorKind.Argo, ExecutorSelection.Read(Build(new Hashtable { ["EXECUTOR_TYPE"] = value })));

    [Theory]
    [InlineData("simpleK8s")]
    [InlineData("simplek8s")]
    [InlineData("SIMPLEK8S")]
    [InlineData("kubernetes")]
    [InlineData(" Kubernetes ")]
    public void Read_SimpleK8sOrKubernetes_IsKubernetes(string value) =>
        Assert.Equal(ExecutorKind.Kubernetes, ExecutorSelection.Read(Build(new Hashtable { ["EXECUTOR_TYPE"] = value })));

    [Fact]
    public void Read_Unknown_ThrowsOneLineNamingTheVariableAndTheAcceptedValues()
    {
        var error = Assert.Throws<ExecutorTypeException>(() => ExecutorSelection.Read(Build(new Hashtable { ["EXECUTOR_TYPE"] = "k8s" })));

        Assert.True(StartupFailure.TryDescribe(error, out var line));
        Assert.Equal("EXECUTOR_TYPE=k8s is not an executor: use argo or simpleK8s (also kubernetes)", line);
    }

    [Theory]
    [InlineData("AGENT_POLICY_FILE")]
    [InlineData("ARGO_INGESTION_CONTAINER_SPEC_FILE_PATH")]
    [InlineData("ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH")]
    public void Read_SimpleK8sWithAnArgoOnlyFile_RefusesNamingTheVariable(string variable)
    {
        var error = Assert.Throws<ExecutorTypeException>(() => ExecutorSelection.Read(Build(new Hashtable { ["EXECUTOR_TYPE"] = "simpleK8s", [variable] = "/etc/agent/file.yaml" })));

        Assert.True(StartupFailure.TryDescribe(error, out var line));
        Assert.StartsWith($"{variable} applies to the Argo executor only", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ChartSimpleK8sVariables_SetTheKubernetesSectionAndKeepTheArgoOnes()
    {
        var configuration = Build(new Hashtable
        {
            ["INGESTION_NAMESPACE"] = "ingest",
            ["INGESTION_SERVICE_ACCOUNT_NAME"] = "ingestion-sa",
            ["KUBERNETES_API_URL"] = "https://10.0.0.1:6443",
            ["KUBERNETES_TOKEN_FILE"] = "/run/token",
        });

        Assert.Equal("ingest", configuration["Kubernetes:Namespace"]);
        Assert.Equal("ingest", configuration["Argo:Namespace"]);
        Assert.Equal("ingestion-sa", configuration["Kubernetes:ServiceAccountName"]);
        Assert.Equal("ingestion-sa", configuration["Ingestion:ServiceAccountName"]);
        Assert.Equal("https://10.0.0.1:6443", configuration["Kubernetes:ApiUrl"]);
        Assert.Equal("/run/token", configuration["Kubernetes:TokenFile"]);
    }

    [Theory]
    [InlineData("{\"a\":1}", "{\"b\":2}", "{\"a\":1}", "{\"b\":2}")]
    [InlineData("", "{\"b\":2}", "{\"b\":2}", "{\"b\":2}")]
    [InlineData("{\"a\":1}", "", "{\"a\":1}", null)]
    [InlineData("", "", null, null)]
    public void Load_PipelineTypeConfigs_SimpleK8sNameWinsForKubernetesArgoNameForArgo(
        string simpleK8s, string argo, string? kubernetesValue, string? argoValue)
    {
        var configuration = Build(new Hashtable { ["SIMPLEK8S_PIPELINE_TYPE_CONFIGS"] = simpleK8s, ["ARGO_PIPELINE_TYPE_CONFIGS"] = argo });

        Assert.Equal(kubernetesValue, configuration["Kubernetes:PipelineTypeConfigs"]);
        Assert.Equal(argoValue ?? (simpleK8s.Length > 0 ? simpleK8s : null), configuration["Ingestion:PipelineTypeConfigs"]);
    }

    [Fact]
    public void IgnoredArgoSettings_ArgoVariablesSet_ListsThemButNotTheSharedOnes()
    {
        var configuration = Build(new Hashtable
        {
            ["PIPELINE_SERVICE_CLIENT_ENDPOINT"] = "http://argo:2746",
            ["ARGO_TOKEN"] = "secret",
            ["INGESTION_NAMESPACE"] = "ingest",
            ["INGESTION_IMAGE"] = "img:1",
        });

        Assert.Equal(["PIPELINE_SERVICE_CLIENT_ENDPOINT", "ARGO_TOKEN"], IgnoredArgoSettings.Find(configuration));
    }

    private static IConfiguration Build(IDictionary environment) =>
        new ConfigurationBuilder().Add(new EnvironmentVariablesSource(environment)).Build();
}
