using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>FQNs that sanitise to the same text (differing only in punctuation or case) never share a name or label.</summary>
public sealed class NameCollisionTests
{
    private const int PipelineCount = 200;

    [Fact]
    public async Task DeployAndRun_TwoHundredFqnsDifferingInPunctuationOrCase_AllNamesAndLabelsDistinct()
    {
        await using var rig = await AgentRig.StartAsync("collision-agent");
        var fqns = SimilarFqns().Take(PipelineCount).ToList();
        Assert.Equal(PipelineCount, fqns.Distinct(StringComparer.Ordinal).Count());

        var cronNames = new List<string>();
        var workflowNames = new List<string>();
        foreach (var fqn in fqns)
        {
            // The name is the FQN itself, so the readable part of every Argo name is the same.
            var pipeline = LifecycleRequests.Pipeline(fqn, fqn);
            cronNames.Add((await rig.DeployOkAsync(pipeline))!);
            workflowNames.Add(LifecycleRequests.Started(await rig.RunPipelineAsync(pipeline with { Schedule = null })).WorkflowName);
        }

        Assert.Equal(PipelineCount, cronNames.Distinct().Count());
        Assert.Equal(PipelineCount, workflowNames.Distinct().Count());
        Assert.Equal(PipelineCount, rig.Emulator.ListCronWorkflows(AgentRig.Namespace).Count);
        Assert.Equal(PipelineCount, rig.Emulator.ListWorkflows(AgentRig.Namespace).Count);
        Assert.All(cronNames.Concat(workflowNames), name => Assert.True(KubernetesRules.IsDns1123Label(name), name));
        var pipelineLabels = rig.Emulator.ListCronWorkflows(AgentRig.Namespace).Select(cron => (string?)cron["metadata"]!["labels"]!["hybrid-agent/pipeline"]);
        Assert.Equal(PipelineCount, pipelineLabels.Distinct().Count());
        Assert.All(fqns, fqn => Assert.Single(ArgoObjects.CronWorkflowsOf(rig, fqn)));
    }

    internal static IEnumerable<string> SimilarFqns()
    {
        string[] separators = [".", "-", "_", " ", "'", "\"", ":", "/"];
        string[] tables = ["orders", "Orders", "ORDERS", "oRDERS"];
        return from first in separators
               from second in separators
               from table in tables
               select $"Sales{first}DB{second}{table}";
    }
}
