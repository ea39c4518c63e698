using Agent.Benchmarks.Infrastructure;
using Agent.Sandbox.Argo.Faults;

namespace Agent.Benchmarks.Clusters;

/// <summary>The Argo Server emulator, the agent on its default executor: what every scenario measured before issue 16.</summary>
internal sealed class ArgoCluster(SandboxServer sandbox) : BenchCluster(sandbox)
{
    public override string CallsName => "Argo calls";

    public override string PhaseChange => "Argo phase change";

    public override int OpenWatches => Sandbox.Emulator.GetStats().OpenWatches;

    public override Dictionary<string, string?> AgentEnvironment(string agentId) => BenchHost.ArgoEnvironment(Sandbox, agentId);

    public override string CreateRun(string agentId, string runId, int index) => Runs.CreateDirectly(Sandbox, agentId, runId, index);

    public override void ForceRunning(string name) => Sandbox.Emulator.ForcePhase(BenchHost.Namespace, name, "Running");

    public override IReadOnlyDictionary<string, long> Requests() => Sandbox.Emulator.GetStats().Requests;

    public override int? FailWatches()
    {
        Sandbox.Faults.Configure(new ArgoFaultOptions { WatchFails = true });
        return Sandbox.Faults.DropWatches();
    }

    public override void ClearFaults() => Sandbox.Faults.Clear();
}
