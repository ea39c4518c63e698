using System.Text.Json.Nodes;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>FQNs and names Kubernetes would refuse still give valid Argo names and labels, and every operation finds them.</summary>
public sealed class NameSanitisingTests(LifecycleRigFixture fixture) : IClassFixture<LifecycleRigFixture>
{
    public static TheoryData<string, string> AwkwardPipelines => new()
    {
        { "mysql.\"prod\".'orders'", "it's \"quoted\"" },
        { "mysql.prod.db.schema.table.pipeline", "my.dotted.pipeline" },
        { "my service.metadata ingestion", "metadata ingestion  with   spaces" },
        { "données.ingestion_élevée", "ingestion_élevée_ñ" },
        { "🚀.📦", "🚀🔥" },
        { new string('x', 150) + "." + new string('Y', 150), new string('n', 300) },
        { "!!!.???", "!!!" },
        { "-.-", "---" },
        { "UPPER.Case", "UPPER_Case" },
    };

    [Theory]
    [MemberData(nameof(AwkwardPipelines))]
    public async Task Lifecycle_AwkwardFqnAndName_ValidNamesAndLabelsAndEveryOperationWorks(string fqn, string name)
    {
        var rig = fixture.Rig;
        var pipeline = LifecycleRequests.Pipeline(fqn, name);

        var cronName = await rig.DeployOkAsync(pipeline);
        var started = LifecycleRequests.Started(await rig.RunPipelineAsync(pipeline with { Schedule = null }));
        var automation = LifecycleRequests.Started(await rig.RunAutomationAsync(name));

        var cron = Assert.Single(ArgoObjects.CronWorkflowsOf(rig, fqn));
        Assert.Equal(cronName, ArgoObjects.Name(cron));
        Assert.True(KubernetesRules.IsDns1123Label(cronName!) && cronName!.Length <= KubernetesRules.MaxCronWorkflowName, cronName);
        var workflow = Assert.Single(ArgoObjects.WorkflowsOf(rig, fqn));
        foreach (var workflowName in new[] { started.WorkflowName, automation.WorkflowName })
        {
            Assert.True(KubernetesRules.IsDns1123Label(workflowName), workflowName);
        }

        var problems = LabelProblems(cron, "cron").Concat(LabelProblems(workflow, "workflow"))
            .Concat(LabelProblems(rig.Emulator.GetWorkflow(AgentRig.Namespace, automation.WorkflowName), "automation"));
        Assert.Empty(problems);
        Assert.Equal(fqn, (string?)workflow["metadata"]!["annotations"]![ArgoObjects.FqnAnnotation]);

        Assert.True((await rig.ToggleAsync(fqn, enabled: false)).Ok);
        Assert.True((bool)rig.Emulator.GetCronWorkflow(AgentRig.Namespace, cronName)["spec"]!["suspend"]!);
        Assert.True((await rig.DeleteAsync(fqn)).Ok);
        Assert.Empty(ArgoObjects.CronWorkflowsOf(rig, fqn));
        Assert.Empty(ArgoObjects.WorkflowsOf(rig, fqn));
    }

    private static IEnumerable<string> LabelProblems(JsonObject resource, string kind)
    {
        var spec = resource["spec"]!;
        var workflowSpec = spec["workflowSpec"] ?? spec;
        return KubernetesRules.LabelProblems(resource["metadata"]!["labels"], $"{kind} metadata")
            .Concat(KubernetesRules.LabelProblems(spec["workflowMetadata"]?["labels"], $"{kind} workflowMetadata"))
            .Concat(KubernetesRules.LabelProblems(workflowSpec["podMetadata"]?["labels"], $"{kind} podMetadata"));
    }
}
