using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// Runs controller steps after a delay on the injected <see cref="TimeProvider"/>, so tests drive the emulated cluster
/// with a FakeTimeProvider. A zero delay runs the step at once. Every step runs under the store's gate.
/// </summary>
internal sealed class Scheduler(TimeProvider time, State.KubeStore store, IOptions<KubernetesEmulatorOptions> options)
{
    public KubernetesEmulatorOptions Options => options.Value;

    public TimeProvider Time => time;

    public ITimer? After(TimeSpan delay, Action step)
    {
        if (delay <= TimeSpan.Zero)
        {
            Run(step);
            return null;
        }

        return time.CreateTimer(_ => Run(step), null, delay, Timeout.InfiniteTimeSpan);
    }

    private void Run(Action step)
    {
        lock (store.Gate)
        {
            step();
        }
    }
}
