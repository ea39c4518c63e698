namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// The pods of one workflow, as the log API sees them. Every change (a pod created, a phase, log lines, the workflow
/// fulfilled, pod GC) completes the current <see cref="PodsView.Changed"/> task, so a following reader wakes without
/// timers or sleeps.
/// </summary>
internal sealed class WorkflowPods
{
    private readonly Lock _gate = new();
    private readonly List<EmulatedPod> _pods = [];
    private bool _fulfilled;
    private TaskCompletionSource _changed = NewSignal();

    public void Add(EmulatedPod pod) => Change(() => _pods.Add(pod));

    public void SetPhase(EmulatedPod pod, PodPhase phase) => Change(() => pod.Phase = phase);

    public void Append(EmulatedPod pod, IEnumerable<string> lines) => Change(() => pod.MainLog.Append(lines));

    public void AppendSynthetic(EmulatedPod pod, int count, int lineBytes) => Change(() => pod.MainLog.AppendSynthetic(count, lineBytes));

    /// <summary>The workflow is fulfilled: following readers finish once they have drained the logs.</summary>
    public void MarkFulfilled() => Change(() => _fulfilled = true);

    /// <summary>Pod garbage collection (podGC, or the workflow deleted): the pods and their logs are gone for good.</summary>
    public void DeleteAll() => Change(_pods.Clear);

    public PodsView Snapshot()
    {
        lock (_gate)
        {
            return new PodsView([.. _pods.Select(pod => (pod, pod.Phase))], _fulfilled, _changed.Task);
        }
    }

    /// <summary>The pod of the latest attempt of the entry template: the last pod that is not the exit handler's.</summary>
    public EmulatedPod? LatestMainPod()
    {
        lock (_gate)
        {
            return _pods.LastOrDefault(pod => !pod.Labels.ContainsKey(EmulatedPod.OnExitLabel));
        }
    }

    private void Change(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
