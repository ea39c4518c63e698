using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Twin of <c>NameCollisionTests</c> on the Kubernetes executor: FQNs that sanitise to the same text never share a
/// CronJob, a config Secret or a pipeline label, so no deploy replaces another pipeline's schedule.
/// </summary>
public sealed class KubernetesNameCollisionTests
{
    private const int PipelineCount = 200;

    [Fact]
    public async Task DeployAndRun_TwoHundredFqnsDifferingInPunctuationOrCase_AllNamesAndLabelsDistinct()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-collision"), timeout: TimeSpan.FromMinutes(3));
        var fqns = NameCollisionTests.SimilarFqns().Take(PipelineCount).ToList();
        Assert.Equal(PipelineCount, fqns.Distinct(StringComparer.Ordinal).Count());

        var cronNames = new List<string>();
        var jobNames = new List<string>();
        foreach (var fqn in fqns)
        {
            // The name is the FQN itself, so the readable part of every CronJob name is the same.
            var pipeline = LifecycleRequests.Pipeline(fqn, fqn);
            cronNames.Add((await rig.DeployOkAsync(pipeline))!);
            jobNames.Add(LifecycleRequests.Started(await rig.RunPipelineAsync(pipeline with { Schedule = null })).WorkflowName);
        }

        Assert.Equal(PipelineCount, cronNames.Distinct().Count());
        Assert.Equal(PipelineCount, jobNames.Distinct().Count());
        var cronJobs = rig.Kube.CronJobs();
        Assert.Equal(PipelineCount, cronJobs.Count);
        Assert.Equal(PipelineCount, rig.Kube.Jobs().Count);
        Assert.Equal(2 * PipelineCount, rig.Kube.Secrets().Count);
        Assert.All(cronNames, name => Assert.True(KubernetesRules.IsDns1123Label(name) && name.Length <= KubernetesRules.MaxCronWorkflowName, name));
        Assert.All(jobNames, name => Assert.True(KubernetesRules.IsDns1123Label(name), name));
        Assert.Equal(PipelineCount, cronJobs.Select(cron => KubeObjects.Label(cron, "hybrid-agent/pipeline")).Distinct().Count());
        Assert.All(fqns, fqn => Assert.Single(rig.Kube.CronJobs(fqn)));
    }
}
