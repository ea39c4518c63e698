using System.Text.Json.Nodes;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>NameSanitisingTests</c> on the Kubernetes executor: FQNs and names Kubernetes would refuse still give
/// valid CronJob and Job names and labels (the emulator validates them as the API server does), the exact FQN rides in
/// the annotation and the Secret, and every operation finds the pipeline again.
/// </summary>
public sealed class KubernetesNameSanitisingTests(KubernetesRigFixture fixture) : IClassFixture<KubernetesRigFixture>
{
    public static TheoryData<string, string> AwkwardPipelines => NameSanitisingTests.AwkwardPipelines;

    [Theory]
    [MemberData(nameof(AwkwardPipelines))]
    public async Task Lifecycle_AwkwardFqnAndName_ValidNamesAndLabelsAndEveryOperationWorks(string fqn, string name)
    {
        var rig = fixture.Rig;
        var pipeline = LifecycleRequests.Pipeline(fqn, name);

        var cronName = await rig.DeployOkAsync(pipeline);
        var started = LifecycleRequests.Started(await rig.RunPipelineAsync(pipeline with { Schedule = null }));
        var automation = LifecycleRequests.Started(await rig.RunAutomationAsync(name));

        var cron = Assert.Single(rig.Kube.CronJobs(fqn));
        Assert.Equal(cronName, KubeObjects.Name(cron));
        Assert.True(KubernetesRules.IsDns1123Label(cronName!) && cronName!.Length <= KubernetesRules.MaxCronWorkflowName, cronName);
        var job = Assert.Single(rig.Kube.Jobs(fqn));
        Assert.Equal(started.WorkflowName, KubeObjects.Name(job));
        Assert.True(KubernetesRules.IsDns1123Label(automation.WorkflowName), automation.WorkflowName);
        var problems = LabelProblems(cron, "cron").Concat(LabelProblems(job, "job")).Concat(LabelProblems(rig.Kube.Job(automation.WorkflowName)!, "automation"));
        Assert.Empty(problems);
        Assert.Equal(fqn, KubeObjects.Annotation(job, KubeObjects.FqnAnnotation));
        var pod = await rig.Kube.PodOfAsync(started.WorkflowName, rig.Cancellation);
        Assert.Equal(fqn, KubeSpecs.ReceivedEnv(rig.Kube, pod)["ingestionPipelineFQN"]);

        Assert.True((await rig.ToggleAsync(fqn, enabled: false)).Ok);
        Assert.True((bool)rig.Kube.CronJob(cronName)!["spec"]!["suspend"]!);
        Assert.True((await rig.DeleteAsync(fqn)).Ok);
        Assert.Empty(rig.Kube.CronJobs(fqn));
        Assert.Empty(rig.Kube.Jobs(fqn));
    }

    private static IEnumerable<string> LabelProblems(JsonObject resource, string kind)
    {
        var spec = resource["spec"]!;
        var jobTemplate = spec["jobTemplate"];
        var jobSpec = jobTemplate?["spec"] ?? spec;
        return KubernetesRules.LabelProblems(resource["metadata"]!["labels"], $"{kind} metadata")
            .Concat(KubernetesRules.LabelProblems(jobTemplate?["metadata"]?["labels"], $"{kind} jobTemplate"))
            .Concat(KubernetesRules.LabelProblems(jobSpec["template"]?["metadata"]?["labels"], $"{kind} pod template"));
    }
}
