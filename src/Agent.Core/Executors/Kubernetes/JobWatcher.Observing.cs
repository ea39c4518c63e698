using Agent.Core.Protocol.Messages;
using k8s;
using k8s.Models;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// What the watcher does with what it sees, as the Argo watcher does: a finished Job whose final state was passed on is
/// skipped (so a relist sends nothing for it), and a Job deleted while its run was active, seen as a DELETED event or
/// missing from a relist, is reported stopped and gone.
/// </summary>
internal sealed partial class JobWatcher
{
    private async Task RelistAsync(CancellationToken cancellationToken)
    {
        var (jobs, pods) = await ListAsync(cancellationToken);
        _newestPods.Clear();
        foreach (var (jobName, pod) in pods)
        {
            _newestPods[jobName] = pod;
        }

        var listed = jobs.Select(job => job.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _jobs.Values.Where(job => !listed.Contains(job.Name) && _active.Contains(job.Name)).ToList())
        {
            await ObserveGoneAsync(gone, cancellationToken);
        }

        _jobs.Clear();
        foreach (var job in jobs)
        {
            _jobs[job.Name] = job;
            await ObserveAsync(job.Name, cancellationToken);
        }

        _reportedFinals.RemoveWhere(final => !listed.Contains(final.Name));
        observer.ObservedAll();
        Log.Listed(logger, jobs.Count, _jobsVersion);
    }

    /// <summary>The list, its versions kept to resume from, the Jobs in creation order so runs are passed on oldest first.</summary>
    private async Task<(List<TrackedJob> Jobs, IReadOnlyDictionary<string, TrackedPod> NewestPods)> ListAsync(CancellationToken cancellationToken)
    {
        var runs = await owned.ListTrackedAsync(owned.Selector, cancellationToken);
        _jobsVersion = runs.JobsVersion;
        _podsVersion = runs.PodsVersion;
        return ([.. runs.Jobs.OrderBy(job => job.CreatedAt)], runs.NewestPods);
    }

    private async Task ObserveChangeAsync(Change change, CancellationToken cancellationToken)
    {
        if (change.Job is { } job)
        {
            _jobsVersion = job.Metadata.ResourceVersion ?? _jobsVersion;
            await ObserveJobAsync(change.Type, job, cancellationToken);
        }
        else if (change.Pod is { } pod)
        {
            _podsVersion = pod.Metadata.ResourceVersion ?? _podsVersion;
            await ObservePodAsync(change.Type, pod, cancellationToken);
        }
    }

    private async Task ObserveJobAsync(WatchEventType type, V1Job job, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case WatchEventType.Bookmark:
                return;
            case WatchEventType.Deleted:
                await ObserveGoneAsync(JobStates.Track(job), cancellationToken);
                return;
            default:
                var tracked = JobStates.Track(job);
                _jobs[tracked.Name] = tracked;
                await ObserveAsync(tracked.Name, cancellationToken);
                return;
        }
    }

    /// <summary>A pod changes its Job's run only when it is the newest: earlier attempts are history.</summary>
    private async Task ObservePodAsync(WatchEventType type, V1Pod pod, CancellationToken cancellationToken)
    {
        if (type == WatchEventType.Bookmark || OwnedJobs.JobOf(pod) is not { } jobName)
        {
            return;
        }

        var current = _newestPods.GetValueOrDefault(jobName);
        if (type == WatchEventType.Deleted)
        {
            if (current?.Name == pod.Metadata.Name)
            {
                _newestPods.Remove(jobName);
            }
        }
        else if (JobStates.Track(pod) is var tracked
            && (current is null || current.Name == tracked.Name || ReferenceEquals(TrackedPod.Newest([current, tracked]), tracked)))
        {
            _newestPods[jobName] = tracked;
        }
        else
        {
            return;
        }

        await ObserveAsync(jobName, cancellationToken);
    }

    private async Task ObserveAsync(string jobName, CancellationToken cancellationToken)
    {
        if (!_jobs.TryGetValue(jobName, out var job))
        {
            return;
        }

        var view = JobStates.From(job, _newestPods.GetValueOrDefault(jobName));
        var final = (jobName, view.FinishedAt?.UtcTicks ?? 0);
        if (view.IsCompleted && _reportedFinals.Contains(final))
        {
            return;
        }

        var followed = await observer.ObserveAsync(view, cancellationToken);
        if (view.IsCompleted)
        {
            _active.Remove(jobName);
            _reportedFinals.Add(final);
        }
        else if (followed)
        {
            _active.Add(jobName);
        }
    }

    /// <summary>
    /// A Job deleted while its run was active took its pods with it (Background propagation): the run ended at the hand of
    /// whoever deleted it, which is <c>stopped</c>, as the Argo path reports a deleted workflow.
    /// </summary>
    private async Task ObserveGoneAsync(TrackedJob last, CancellationToken cancellationToken)
    {
        var name = last.Name;
        var view = JobStates.From(last, _newestPods.GetValueOrDefault(name));
        _jobs.Remove(name);
        _newestPods.Remove(name);
        _active.Remove(name);
        _reportedFinals.RemoveWhere(final => final.Name == name);
        if (!view.IsCompleted)
        {
            view = view with
            {
                State = PipelineStates.Stopped,
                IsCompleted = true,
                FinishedAt = timeProvider.GetUtcNow(),
                Message = $"job {name} was deleted while the run was {view.State}; its pods went with it",
            };
        }

        if (await observer.ObserveGoneAsync(view, cancellationToken) is { } runId)
        {
            Log.RunDeleted(logger, runId, name);
        }
    }
}
