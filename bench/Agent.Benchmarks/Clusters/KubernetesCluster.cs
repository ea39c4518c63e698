using Agent.Benchmarks.Infrastructure;
using Agent.Core.Executors.Kubernetes;
using Agent.Sandbox.Argo.Query;
using Agent.Sandbox.Kubernetes;
using Agent.Sandbox.Kubernetes.Faults;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.Benchmarks.Clusters;

/// <summary>
/// The sandbox's Kubernetes API emulator, the agent on <c>EXECUTOR_TYPE=simpleK8s</c>. A run is the Job the agent would
/// create (<see cref="KubeRuns"/>) and the pod its Job controller makes; forcing a phase starts that pod's container as
/// the emulator's kubelet does when its pending time is up (the same step as the control route
/// <c>POST /sandbox/kubernetes/pods/{ns}/{name}/phase</c>, taken in process like the Argo emulator's ForcePhase).
/// </summary>
internal sealed class KubernetesCluster(SandboxServer sandbox) : BenchCluster(sandbox)
{
    private readonly Dictionary<string, string> _podOfJob = new(StringComparer.Ordinal);
    private KubeRuns? _runs;

    public override string CallsName => "Kubernetes API calls";

    public override string PhaseChange => "pod phase change";

    public override int OpenWatches => Emulator.Store.OpenWatches;

    private KubernetesEmulator Emulator => Sandbox.Services.GetRequiredService<KubernetesEmulator>();

    private KubernetesFaults Faults => Sandbox.Services.GetRequiredService<KubernetesFaults>();

    public override Dictionary<string, string?> AgentEnvironment(string agentId) => AgentProcess.KubernetesEnvironment(Sandbox, agentId);

    public override string CreateRun(string agentId, string runId, int index)
    {
        _runs ??= new KubeRuns(Sandbox.Services, agentId);
        return _runs.Create(runId, index);
    }

    /// <summary>One list of every pod, so that forcing a phase later does not first search the store.</summary>
    public override void BeforeForcing()
    {
        foreach (var pod in Emulator.List(KubeKind.Pod, BenchHost.Namespace, LabelSelector.Everything).Items)
        {
            if (KubeJson.Labels(pod).GetValueOrDefault(OwnedJobs.JobNameLabel) is { } job)
            {
                _podOfJob[job] = KubeJson.Name(pod);
            }
        }
    }

    public override void ForceRunning(string name)
    {
        var key = new ObjectKey(KubeKind.Pod, BenchHost.Namespace, _podOfJob[name]);
        lock (Emulator.Store.Gate)
        {
            Emulator.Kubelet.Start(key);
        }
    }

    /// <summary>Keyed as the apiserver's audit log names a call (<c>"list jobs"</c>, <c>"watch pods"</c>), not by route.</summary>
    public override IReadOnlyDictionary<string, long> Requests() => Faults.Counts.Requests;

    public override int? FailWatches()
    {
        Faults.Configure(new KubernetesFaultOptions { WatchFails = true });
        var open = OpenWatches;
        Emulator.Store.CloseWatches();
        return open;
    }

    public override void ClearFaults() => Faults.Clear();
}
