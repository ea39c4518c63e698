using System.Text.Json.Nodes;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>
/// Both spec files and the per-type config, merged into what reaches Argo: the workflow file, then the type config,
/// then the container file on every container (docs/configuration.md, Files).
/// </summary>
public sealed class PodCustomizationTests
{
    public const string ContainerYaml = """
        env:
          - name: HTTPS_PROXY
            value: http://proxy.corp:3128
        volumeMounts:
          - name: corp-ca
            mountPath: /etc/ssl/corp
            readOnly: true
        """;

    public const string WorkflowYaml = """
        tolerations:
          - key: dedicated
            operator: Equal
            value: ingestion
            effect: NoSchedule
        nodeSelector:
          pool: ingestion
        volumes:
          - name: corp-ca
            configMap:
              name: corp-ca-bundle
        priorityClassName: ingestion-normal
        """;

    public const string TypeConfigs = """{"automation":{"priorityClassName":"automation-high","resources":{"limits":{"cpu":"250m","memory":"300Mi"}}}}""";

    private static readonly JsonNode ExpectedTolerations = JsonNode.Parse("""[{"key":"dedicated","operator":"Equal","value":"ingestion","effect":"NoSchedule"}]""")!;
    private static readonly JsonNode ExpectedVolumes = JsonNode.Parse("""[{"name":"corp-ca","configMap":{"name":"corp-ca-bundle"}}]""")!;
    private static readonly JsonNode ExpectedMounts = JsonNode.Parse("""[{"name":"corp-ca","mountPath":"/etc/ssl/corp","readOnly":true}]""")!;

    internal static Dictionary<string, string?> Settings(SpecFiles files) => new()
    {
        ["Ingestion:ContainerSpecFilePath"] = files.Write("container.yaml", ContainerYaml),
        ["Ingestion:WorkflowSpecFilePath"] = files.Write("workflow.yaml", WorkflowYaml),
        ["Ingestion:PipelineTypeConfigs"] = TypeConfigs,
        ["Ingestion:AutomationResources:CpuRequest"] = "100m",
        ["Ingestion:Resources:CpuLimit"] = "2",
    };

    [Fact]
    public async Task Deploy_SpecFilesAndTypeConfig_CronWorkflowCarriesFilesButNotOtherTypesConfig()
    {
        using var files = new SpecFiles();
        await using var rig = await AgentRig.StartAsync("custom-deploy", agentOverrides: Settings(files));

        var cronName = await rig.DeployOkAsync(LifecycleRequests.Pipeline());

        var spec = rig.Emulator.GetCronWorkflow(AgentRig.Namespace, cronName!)["spec"]!["workflowSpec"]!;
        AssertFilesApplied(spec, "ingestion-normal");
        Assert.All(ArgoObjects.Containers(spec).Take(1), main => Assert.Equal("2", (string?)main["resources"]!["limits"]!["cpu"]));
    }

    [Fact]
    public async Task AutomationRun_SpecFilesAndTypeConfig_WorkflowMergesAllThreeTypeConfigWinning()
    {
        using var files = new SpecFiles();
        await using var rig = await AgentRig.StartAsync("custom-automation", agentOverrides: Settings(files));

        var started = LifecycleRequests.Started(await rig.RunAutomationAsync());

        var spec = rig.Emulator.GetWorkflow(AgentRig.Namespace, started.WorkflowName)["spec"]!;
        AssertFilesApplied(spec, "automation-high", ["ingestion"]);
        foreach (var container in ArgoObjects.Containers(spec))
        {
            Assert.Equal(new Dictionary<string, string> { ["cpu"] = "250m", ["memory"] = "300Mi" }, ArgoObjects.Strings(container["resources"]!["limits"]));
            Assert.Equal("100m", (string?)container["resources"]!["requests"]!["cpu"]);
        }
    }

    private static void AssertFilesApplied(JsonNode spec, string priorityClass, string[]? templates = null)
    {
        // Ingestion runs carry the exit handler; test connections have none (see WorkflowFactory.HasExitHandler).
        templates ??= ["ingestion", "exit-handler"];
        Assert.True(JsonNode.DeepEquals(ExpectedTolerations, spec["tolerations"]), spec["tolerations"]?.ToJsonString());
        Assert.Equal(new Dictionary<string, string> { ["pool"] = "ingestion" }, ArgoObjects.Strings(spec["nodeSelector"]));
        Assert.True(JsonNode.DeepEquals(ExpectedVolumes, spec["volumes"]), spec["volumes"]?.ToJsonString());
        Assert.Equal(priorityClass, (string?)spec["podPriorityClassName"]);
        Assert.False(spec.AsObject().ContainsKey("priorityClassName"));
        Assert.Equal(templates, spec["templates"]!.AsArray().Select(t => (string?)t!["name"]));
        Assert.Equal(templates.Length, ArgoObjects.Containers(spec).Count());
        foreach (var container in ArgoObjects.Containers(spec))
        {
            var env = ArgoObjects.Env(container);
            Assert.Equal("http://proxy.corp:3128", env["HTTPS_PROXY"]);
            Assert.Contains("mysql", env["config"], StringComparison.OrdinalIgnoreCase);
            Assert.True(env.ContainsKey("pipelineRunId"));
            Assert.True(JsonNode.DeepEquals(ExpectedMounts, container["volumeMounts"]), container["volumeMounts"]?.ToJsonString());
        }
    }
}
