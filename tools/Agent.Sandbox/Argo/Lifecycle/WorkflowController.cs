using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.State;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// The emulated workflow controller: applies <see cref="RunSteps"/> to a stored workflow under the store lock, publishes
/// the result, and schedules the next step on the injected <see cref="TimeProvider"/>, so tests drive it with
/// <c>FakeTimeProvider.Advance</c>. A step due now runs at once, after the lock is released, as its own change.
/// </summary>
internal sealed class WorkflowController(
    ArgoStore store, TimeProvider timeProvider, IOptions<ArgoEmulatorOptions> options, ILogger<WorkflowController> logger)
{
    public JsonObject Start(string @namespace, string name) =>
        Step(@namespace, name, null, (run, now) => RunSteps.Begin(run, options.Value, now));

    public JsonObject ForcePhase(string @namespace, string name, string phase, string? message) =>
        Step(@namespace, name, null, (run, now) => RunSteps.Force(run, phase, message, options.Value, now));

    public JsonObject Shutdown(string @namespace, string name, string strategy) =>
        Step(@namespace, name, null, (run, now) => RunSteps.Shutdown(run, strategy, options.Value, now));

    private JsonObject Step(string @namespace, string name, int? expectedGeneration, Func<WorkflowRun, DateTimeOffset, double?> transition)
    {
        var snapshot = Apply(@namespace, name, expectedGeneration, transition, out var immediate);
        while (immediate is { } generation)
        {
            snapshot = Apply(@namespace, name, generation, (run, now) => RunSteps.Advance(run, options.Value, now), out immediate);
        }

        return snapshot;
    }

    private JsonObject Apply(
        string @namespace, string name, int? expectedGeneration, Func<WorkflowRun, DateTimeOffset, double?> transition, out int? immediate)
    {
        int? dueNow = null;
        string? phase = null;
        var snapshot = store.UpdateWorkflow(@namespace, name, (entry, working) =>
        {
            if (expectedGeneration is { } expected && entry.ClockGeneration != expected)
            {
                return false;
            }

            entry.Timer?.Dispose();
            var generation = ++entry.ClockGeneration;
            var delay = transition(entry.Run, timeProvider.GetUtcNow());
            WorkflowStatusWriter.Write(working, entry.Run);
            // A zero delay runs after the lock is released: a timer due now may fire on this very thread.
            entry.Timer = delay is > 0 ? Schedule(@namespace, name, delay.Value, generation) : null;
            dueNow = delay is <= 0 ? generation : null;
            phase = entry.Run.Phase;
            return true;
        });

        if (phase is not null)
        {
            ArgoEmulatorLog.PhaseChanged(logger, @namespace, name, phase);
        }

        immediate = dueNow;
        return snapshot;
    }

    private ITimer Schedule(string @namespace, string name, double seconds, int generation) =>
        timeProvider.CreateTimer(_ => OnTimer(@namespace, name, generation), null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);

    private void OnTimer(string @namespace, string name, int generation)
    {
        try
        {
            Step(@namespace, name, generation, (run, now) => RunSteps.Advance(run, options.Value, now));
        }
        catch (ArgoApiException)
        {
            // Deleted between the timer firing and taking the lock: nothing left to advance.
        }
    }
}
