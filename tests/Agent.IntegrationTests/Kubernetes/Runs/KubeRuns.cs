using System.Text.Json.Nodes;
using Agent.Core.Execution;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>What the Kubernetes twins of the run tests share: long-running pods, the Job of a run, another agent's Job.</summary>
internal static class KubeRuns
{
    /// <summary>Pods start at once and run five minutes, so a run stays Running until a test ends it.</summary>
    public static Dictionary<string, string?> LongRuns => new()
    {
        ["Sandbox:Kubernetes:PendingSeconds"] = "0",
        ["Sandbox:Kubernetes:RunningSeconds"] = "300",
    };

    /// <summary>The name the Kubernetes executor gives a run's Job: <c>om-run-</c> and the run id's 32 hex digits.</summary>
    public static string JobName(string runId) => "om-run-" + Guid.Parse(runId).ToString("N");

    public static bool IsSuspended(JsonObject job) => (bool?)job["spec"]!["suspend"] == true;

    /// <summary>The Job itself once it has the condition <c>Complete</c>, else null (to wait on).</summary>
    public static JsonObject? Completed(JsonObject? job) => HasCondition(job, "Complete") ? job : null;

    /// <summary>The Job itself once it has the condition <c>Failed</c>, else null (to wait on).</summary>
    public static JsonObject? Failed(JsonObject? job) => HasCondition(job, "Failed") ? job : null;

    public static string? StoppedAt(JsonObject job) => KubeObjects.Annotation(job, "hybrid-agent/stopped-at");

    private static bool HasCondition(JsonObject? job, string type) =>
        (job?["status"]?["conditions"] as JsonArray ?? []).Any(condition => (string?)condition!["type"] == type && (string?)condition["status"] == "True");

    /// <summary>Waits until the run's Job has a pod in <paramref name="phase"/>; returns that pod.</summary>
    public static Task<JsonObject> PodInPhaseAsync(this AgentRig rig, string runId, string phase) =>
        rig.Kube.WaitForAsync(
            objects => objects.Pods(JobName(runId)).LastOrDefault(pod => (string?)pod["status"]?["phase"] == phase), rig.Cancellation);

    /// <summary>The lines of a pod's main container log, as the emulated kubelet holds them.</summary>
    public static IReadOnlyList<string> PodLog(this AgentRig rig, string podName)
    {
        var emulator = rig.Kube.Emulator;
        lock (emulator.Store.Gate)
        {
            var pod = emulator.Get(new ObjectKey(KubeKind.Pod, AgentRig.Namespace, podName));
            return emulator.Kubelet.Runtime(pod)!.Log.Read(0).Lines;
        }
    }

    /// <summary>
    /// Appends lines to a pod's main container log through the sandbox route, as its program would write them; in
    /// batches, since the route takes bodies only up to the apiserver's request size limit.
    /// </summary>
    public static async Task AppendPodLogAsync(this AgentRig rig, string podName, IEnumerable<string> lines)
    {
        foreach (var batch in lines.Chunk(100))
        {
            var body = new JsonObject { ["lines"] = new JsonArray([.. batch.Select(line => (JsonNode)line)]) };
            using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            using var response = await rig.Sandbox.Client.PostAsync($"/sandbox/kubernetes/pods/{AgentRig.Namespace}/{podName}/log", content, rig.Cancellation);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Deletes a pod as <c>kubectl delete pod</c> would; its log goes with it.</summary>
    public static void DeletePod(this AgentRig rig, string podName) =>
        rig.Kube.Emulator.Delete(new ObjectKey(KubeKind.Pod, AgentRig.Namespace, podName), "Background");

    /// <summary>
    /// A Job that looks like one of ours (same pipeline label and annotations, a run of the same pipeline) but carries
    /// another agent's id, as a second agent in the same namespace would create it.
    /// </summary>
    public static JsonObject CreateForeignJob(this AgentRig rig, string name, string runId, string pipelineFqn, string agentId = "other-agent")
    {
        JsonObject Labels() => new()
        {
            [WorkflowLabels.AgentId] = LabelValues.ForAgentId(agentId),
            [WorkflowLabels.RunId] = LabelValues.ForFreeText(runId),
            [WorkflowLabels.Pipeline] = LabelValues.ForPipeline(pipelineFqn),
            [WorkflowLabels.PipelineType] = "metadata",
            [WorkflowLabels.ManagedBy] = WorkflowLabels.ManagedByValue,
        };

        return rig.Kube.Emulator.Create(KubeKind.Job, AgentRig.Namespace, new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = Labels(),
                ["annotations"] = new JsonObject { [WorkflowLabels.PipelineFqnAnnotation] = pipelineFqn, [WorkflowLabels.RunIdAnnotation] = runId },
            },
            ["spec"] = new JsonObject
            {
                ["backoffLimit"] = 0,
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = Labels() },
                    ["spec"] = new JsonObject
                    {
                        ["restartPolicy"] = "Never",
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "main",
                            ["image"] = "openmetadata/ingestion:1.9.0",
                            ["command"] = new JsonArray("python", "main.py"),
                        }),
                    },
                },
            },
        });
    }
}
