using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>The emulator's watch control routes (<c>/sandbox/kubernetes/watch/…</c>) as the watcher twins use them.</summary>
internal static class WatcherRuns
{
    /// <summary>POSTs <c>/sandbox/kubernetes/{action}</c>, e.g. <c>watch/compact</c> or <c>watch/close</c>.</summary>
    public static async Task ControlAsync(AgentRig rig, string action)
    {
        using var response = await rig.Sandbox.Client.PostAsync($"/sandbox/kubernetes/{action}", content: null, rig.Cancellation);
        response.EnsureSuccessStatusCode();
    }
}
