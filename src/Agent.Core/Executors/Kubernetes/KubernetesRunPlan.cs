using Agent.Core.Execution;
using k8s.Models;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>A run built for the Kubernetes executor: its Job (created suspended) and the request its Secret carries.</summary>
internal sealed class KubernetesRunPlan(RunRequest run, V1Job job) : RunPlan(run, job.Metadata.Name, null)
{
    public V1Job Job { get; } = job;
}
