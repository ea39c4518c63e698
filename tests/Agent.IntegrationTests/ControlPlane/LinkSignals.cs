using Agent.Core.Link;
using Agent.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>Waits on the agent's own signals: its connection-state events, or a condition checked until a deadline.</summary>
internal static class LinkSignals
{
    /// <summary>Completes with the first snapshot, current or coming, that matches.</summary>
    public static async Task<ConnectionSnapshot> WaitForStateAsync(
        AgentApplication agent, Func<ConnectionSnapshot, bool> match, CancellationToken cancellationToken)
    {
        var state = agent.Services.GetRequiredService<ConnectionState>();
        var matched = new TaskCompletionSource<ConnectionSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(ConnectionSnapshot snapshot)
        {
            if (match(snapshot))
            {
                matched.TrySetResult(snapshot);
            }
        }

        state.Changed += OnChanged;
        try
        {
            OnChanged(state.Current);
            return await matched.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            state.Changed -= OnChanged;
        }
    }

    /// <summary>
    /// For state that raises no event (outbox depth, in-flight count): re-checks every few milliseconds until it holds
    /// or the deadline passes. Never a sleep-then-assert: the test goes on the moment the condition is true.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }

    public static string NewAgentId(string purpose) => $"rel-{purpose}-{Guid.NewGuid():N}";
}
