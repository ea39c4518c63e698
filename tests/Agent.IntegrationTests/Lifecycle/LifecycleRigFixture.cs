using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>One sandbox and agent shared by the rows of a table; each row uses its own pipeline FQN.</summary>
public sealed class LifecycleRigFixture : IAsyncLifetime
{
    private AgentRig? _rig;

    internal AgentRig Rig => _rig ?? throw new InvalidOperationException("the rig is not started");

    public async Task InitializeAsync() => _rig = await AgentRig.StartAsync("lifecycle-table-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task DisposeAsync()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }
    }
}
