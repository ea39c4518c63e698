using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// One sandbox and agent on the Kubernetes executor shared by the rows of a table, as <c>LifecycleRigFixture</c> is on
/// the Argo path; each row uses its own pipeline FQN.
/// </summary>
public sealed class KubernetesRigFixture : IAsyncLifetime
{
    private AgentRig? _rig;

    internal AgentRig Rig => _rig ?? throw new InvalidOperationException("the rig is not started");

    public async Task InitializeAsync() =>
        _rig = await AgentRig.StartKubernetesAsync("k8s-table-" + Guid.NewGuid().ToString("N")[..8], timeout: TimeSpan.FromMinutes(5));

    public async Task DisposeAsync()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }
    }
}
