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
        var jobs = await owned.ListJobsAsync(owned.Selector, cancellationToken);
        var pods = await owned.ListPodsAsync(owned.Selector, cancellationToken);
        _newestPods.Clear();
        foreach (var group in pods.Items.GroupBy(OwnedJobs.JobOf))
        {
            if (group.Key is not null && OwnedJobs.Newest(group) is { } newest)
            {
                _newestPods[group.Key] = newest;
            }
        }

        var listed = jobs.Items.Select(job => job.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _jobs.Values.Where(job => !listed.Contains(job.Metadata.Name) && _active.Contains(job.Metadata.Name)).ToList())
        {
            await ObserveGoneAsync(gone, cancellationToken);
        }

        _jobs.Clear();
        foreach (var job in jobs.Items.OrderBy(job => job.Metadata.CreationTimestamp))
        {
            _jobs[job.Metadata.Name] = job;
            await ObserveAsync(job.Metadata.Name, cancellationToken);
        }

        _reportedFinals.RemoveWhere(final => !listed.Contains(final.Name));
        _jobsVersion = jobs.Metadata.ResourceVersion;
        _podsVersion = pods.Metadata.ResourceVersion;
        observer.ObservedAll();
        Log.Listed(logger, jobs.Items.Count, _jobsVersion);
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
                await ObserveGoneAsync(job, cancellationToken);
                return;
            default:
                _jobs[job.Metadata.Name] = job;
                await ObserveAsync(job.Metadata.Name, cancellationToken);
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
            if (current?.Metadata.Name == pod.Metadata.Name)
            {
                _newestPods.Remove(jobName);
            }
        }
        else if (current is null || current.Metadata.Name == pod.Metadata.Name || OwnedJobs.Newest([current, pod]) == pod)
        {
            _newestPods[jobName] = pod;
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
    private async Task ObserveGoneAsync(V1Job last, CancellationToken cancellationToken)
    {
        var name = last.Metadata.Name;
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
