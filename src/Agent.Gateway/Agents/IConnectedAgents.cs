namespace Agent.Gateway.Agents;

/// <summary>The agent sessions this replica holds, for the admin API, metrics and <c>ip</c>; and a signal when one starts.</summary>
internal interface IConnectedAgents
{
    IReadOnlyList<ConnectedAgent> Sessions { get; }

    /// <summary>Raised after an agent's <c>welcome</c> was sent (e.g. to replay deletes that waited for it).</summary>
    event Func<string, CancellationToken, Task>? AgentWelcomed;
}
