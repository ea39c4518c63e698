using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.Kubernetes.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>The Kubernetes emulator's fault switchboard on a rig, and bounded waits on its counters.</summary>
internal static class FlakyKubernetes
{
    /// <summary>The emulator's faults and call counts (<c>/sandbox/kubernetes/faults</c>).</summary>
    public static KubernetesFaults KubeFaults(this AgentRig rig) => rig.Sandbox.Services.GetRequiredService<KubernetesFaults>();

    /// <summary>Bounded wait on a fault counter (the emulator raises no event for these).</summary>
    public static async Task WaitForCountsAsync(this AgentRig rig, Func<KubernetesFaultCounts, bool> condition)
    {
        while (!condition(rig.KubeFaults().Counts))
        {
            await Task.Delay(10, rig.Cancellation);
        }
    }
}
