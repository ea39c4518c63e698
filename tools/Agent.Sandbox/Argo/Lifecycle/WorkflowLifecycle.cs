using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.State;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// The simulated workflow controller: Pending at once, Running after <c>PendingSeconds</c>, the planned outcome after
/// <c>RunningSeconds</c>. Timers come from the injected <see cref="TimeProvider"/>, so tests drive the clock with
/// <c>FakeTimeProvider.Advance</c>. A forced phase restarts the clock from that phase.
/// </summary>
internal sealed class WorkflowLifecycle(
    ArgoStore store, TimeProvider timeProvider, IOptions<ArgoEmulatorOptions> options, ILogger<WorkflowLifecycle> logger)
{
    /// <summary>Moves a workflow to <paramref name="phase"/> now and schedules the next step of the clock.</summary>
    public JsonObject MoveTo(string @namespace, string name, string phase, string? message) =>
        MoveTo(@namespace, name, phase, message, expectedGeneration: null);

    private JsonObject MoveTo(string @namespace, string name, string phase, string? message, int? expectedGeneration)
    {
        (string Phase, double Seconds)? next = null;
        var generation = 0;
        var snapshot = store.UpdateWorkflow(@namespace, name, (entry, working) =>
        {
            if (expectedGeneration is { } expected && entry.ClockGeneration != expected)
            {
                return false;
            }

            entry.Timer?.Dispose();
            generation = ++entry.ClockGeneration;
            WorkflowStatusWriter.Apply(working, entry, phase, message, timeProvider.GetUtcNow());
            next = NextStep(phase, entry.PlannedOutcome);
            // A zero delay is handled below, outside the lock: a timer due now may fire on this very thread.
            entry.Timer = next is { Seconds: > 0 } step ? Schedule(@namespace, name, step, generation) : null;
            return true;
        });

        if (generation > 0)
        {
            ArgoEmulatorLog.PhaseChanged(logger, @namespace, name, phase);
            if (next is { Seconds: <= 0 } immediate)
            {
                MoveTo(@namespace, name, immediate.Phase, null, generation);
            }
        }

        return snapshot;
    }

    private (string Phase, double Seconds)? NextStep(string phase, string plannedOutcome) => phase switch
    {
        WorkflowPhase.Pending => (WorkflowPhase.Running, options.Value.PendingSeconds),
        WorkflowPhase.Running => (plannedOutcome, options.Value.RunningSeconds),
        _ => null,
    };

    private ITimer Schedule(string @namespace, string name, (string Phase, double Seconds) step, int generation) =>
        timeProvider.CreateTimer(
            _ => OnTimer(@namespace, name, step.Phase, generation),
            null,
            TimeSpan.FromSeconds(step.Seconds),
            Timeout.InfiniteTimeSpan);

    private void OnTimer(string @namespace, string name, string phase, int generation)
    {
        try
        {
            MoveTo(@namespace, name, phase, null, generation);
        }
        catch (ArgoApiException)
        {
            // Deleted between the timer firing and taking the lock: nothing left to advance.
        }
    }
}
