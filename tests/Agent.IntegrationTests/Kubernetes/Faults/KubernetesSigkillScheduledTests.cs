using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Faults;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// The scheduled half of <c>KubernetesSigkillRestartTests</c>: scheduled runs are Jobs a CronJob makes on its own, with
/// the Job's uid as run id, so a dead agent cannot know of them. The process is SIGKILLed with one running; it ends
/// while the agent is dead and the CronJob fires another. The new process reports the ended one, lists the new one in
/// its hello inventory and reports its end: each once, each with its one Job.
/// </summary>
public sealed class KubernetesSigkillScheduledTests
{
    private const string PipelineFqn = "fault.sigkill_scheduled";

    [Fact]
    public async Task Sigkill_ScheduledJobEndsAndAnotherFiresWhileDead_NewProcessReportsEachOnce()
    {
        var cancellation = TestTimeouts.Token(TimeSpan.FromSeconds(120));
        await using var sandbox = await SandboxServer.StartAsync(LongRunningJobs.Settings());
        var server = sandbox.ControlPlane;
        var kube = new KubeObjects(sandbox, "ingestion");
        var agentId = LinkSignals.NewAgentId("k8s-sigkill-cron");
        var environment = AgentProcess.KubernetesEnvironment(sandbox, agentId);

        string before;
        await using (var first = AgentProcess.Start(environment))
        {
            await server.WaitForAgentAsync(agentId, cancellation);
            var deployed = ReliableMessages.Result(await server.SendRequestAsync(
                agentId, MessageTypes.PipelineDeploy, RequestPayloads.PipelineDeploy(PipelineFqn, "0 2 * * *", "UTC"), cancellation));
            Assert.True(deployed.Ok, deployed.Reason);
            before = Uid(await kube.FireCronJobAsync(KubeObjects.Name(Assert.Single(kube.CronJobs(PipelineFqn))), cancellation));
            await ServerRuns.WaitForStateAsync(server, before, PipelineStates.Running, cancellation);
            await ServerRuns.SigkillAsync(first, server, agentId, cancellation);
        }

        var cronJob = KubeObjects.Name(Assert.Single(kube.CronJobs(PipelineFqn)));
        await kube.ForcePhaseAsync(JobOf(kube, before), "Succeeded", cancellationToken: cancellation);
        await kube.WaitForAsync(objects => objects.Job(JobOf(objects, before))!["status"]?["completionTime"], cancellation);
        var during = Uid(await FireNextMinuteAsync(sandbox, cronJob, cancellation));
        await kube.WaitForAsync(objects => objects.Pods(JobOf(objects, during)).LastOrDefault()?["status"]?["phase"] is { } phase && (string?)phase == "Running" ? phase : null, cancellation);
        await using var second = AgentProcess.Start(environment);
        var secondInstance = (await server.WaitForAgentAsync(agentId, cancellation)).InstanceId;

        var ended = await ServerRuns.WaitForStateAsync(server, before, PipelineStates.Success, cancellation);
        var hello = server.GetAgent(agentId).LastHello!;
        await kube.ForcePhaseAsync(JobOf(kube, during), "Succeeded", cancellationToken: cancellation);
        var later = await ServerRuns.WaitForStateAsync(server, during, PipelineStates.Success, cancellation);

        Assert.Equal(secondInstance, ended.InstanceId);
        Assert.Equal(secondInstance, later.InstanceId);
        Assert.Equal([during], hello.Inventory.Where(run => run.PipelineState == PipelineStates.Running).Select(run => run.RunId));
        Assert.All(new[] { ended, later }, status => Assert.Equal(PipelineFqn, status.Status.PipelineFqn));
        ServerRuns.AssertEachEndedOnce(server, agentId, [before, during]);
        Assert.Equal(2, kube.Jobs(PipelineFqn).Count);
        Assert.Single(kube.CronJobs());
    }

    /// <summary>
    /// A tick a minute on (the next scheduled time; the controller names a Job by its minute, so a second tick in the
    /// same minute would be skipped as already made).
    /// </summary>
    private static async Task<JsonNode> FireNextMinuteAsync(SandboxServer sandbox, string cronJob, CancellationToken cancellation)
    {
        var tick = new JsonObject { ["scheduledTime"] = DateTimeOffset.UtcNow.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture) };
        using var response = await sandbox.Client.PostAsync(
            $"/sandbox/kubernetes/cronjobs/ingestion/{cronJob}/fire", new StringContent(tick.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), cancellation);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellation))!["job"]!;
    }

    private static string Uid(JsonNode job) => (string)job["metadata"]!["uid"]!;

    private static string JobOf(KubeObjects kube, string uid) => KubeObjects.Name(kube.Jobs(PipelineFqn).Single(job => Uid(job) == uid));
}
