using Agent.Gateway.Agents;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>IConnectedAgents whose sessions a test sets, and which raises AgentWelcomed when told an agent connected.</summary>
internal sealed class FakeConnectedAgents : IConnectedAgents
{
    public List<ConnectedAgent> SessionList { get; } = [];

    public IReadOnlyList<ConnectedAgent> Sessions => SessionList;

    public event Func<string, CancellationToken, Task>? AgentWelcomed;

    public async Task WelcomeAsync(string agentId, CancellationToken cancellationToken)
    {
        if (AgentWelcomed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<string, CancellationToken, Task>>())
            {
                await handler(agentId, cancellationToken);
            }
        }
    }
}
