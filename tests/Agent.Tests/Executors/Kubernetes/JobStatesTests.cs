using Agent.Core.Executors.Kubernetes;
using Agent.Core.Protocol.Messages;
using k8s.Models;

namespace Agent.Tests.Executors.Kubernetes;

public sealed class JobStatesTests
{
    [Fact]
    public void NoPod_OrPendingPod_IsQueued_WithTheWaitingReason()
    {
        Assert.Equal(PipelineStates.Queued, JobStates.From(Job(), null).State);
        var waiting = JobStates.From(Job(active: 1), Pod("Pending", waiting: "ImagePullBackOff"));
        Assert.Equal(PipelineStates.Queued, waiting.State);
        Assert.Equal("ImagePullBackOff", waiting.Message);
    }

    [Fact]
    public void RunningPod_IsRunning() => Assert.Equal(PipelineStates.Running, JobStates.From(Job(active: 1), Pod("Running")).State);

    /// <summary>
    /// The pod ends before the Job controller writes <c>Complete</c> (two updates, two watch events): the run is still
    /// running until the condition comes, not back to queued (seen in the demo as running → queued → success).
    /// </summary>
    [Fact]
    public void SucceededPod_JobNotYetComplete_IsStillRunning() =>
        Assert.Equal(PipelineStates.Running, JobStates.From(Job(active: 0), Pod("Succeeded")).State);

    [Theory]
    [InlineData("Complete", "CompletionsReached", false, PipelineStates.Success)]
    [InlineData("Failed", "BackoffLimitExceeded", false, PipelineStates.Failed)]
    [InlineData("Failed", "DeadlineExceeded", false, PipelineStates.Failed)]
    [InlineData("Failed", "DeadlineExceeded", true, PipelineStates.Stopped)]
    public void FinishedJob_FollowsItsCondition(string condition, string reason, bool stopped, string expected)
    {
        var view = JobStates.From(Job(condition: (condition, reason), stopped: stopped), Pod("Failed"));

        Assert.Equal(expected, view.State);
        Assert.True(view.IsCompleted);
    }

    [Fact]
    public void StoppedJob_IsRunningUntilItsPodIsGone_ThenStopped()
    {
        Assert.Equal(PipelineStates.Running, JobStates.From(Job(stopped: true), Pod("Running")).State);
        var stopped = JobStates.From(Job(stopped: true), null);
        Assert.Equal(PipelineStates.Stopped, stopped.State);
        Assert.NotNull(stopped.FinishedAt);
    }

    [Fact]
    public void ScheduledJob_RunIdIsItsUid()
    {
        var job = Job();
        job.Metadata.Annotations.Remove("hybrid-agent/run-id");

        Assert.Equal(job.Metadata.Uid, JobStates.From(job, null).RunId);
    }

    private static V1Job Job(int active = 0, (string Type, string Reason)? condition = null, bool stopped = false)
    {
        var annotations = new Dictionary<string, string> { ["hybrid-agent/run-id"] = "r1", ["hybrid-agent/pipeline-fqn"] = "a.b" };
        if (stopped)
        {
            annotations[JobStates.StoppedAnnotation] = "2026-03-01T12:00:00.0000000+00:00";
        }

        return new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "om-run-1", Uid = "0b6f6a55-2b7c-4f0e-9d55-5f1f0ad4b0c1", Annotations = annotations, CreationTimestamp = new DateTime(2026, 3, 1, 11, 0, 0, DateTimeKind.Utc) },
            Status = new V1JobStatus
            {
                Active = active,
                Conditions = condition is { } c ? [new V1JobCondition { Type = c.Type, Status = "True", Reason = c.Reason, LastTransitionTime = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc) }] : null,
            },
        };
    }

    private static V1Pod Pod(string phase, string? waiting = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "om-run-1-abcde" },
        Status = new V1PodStatus
        {
            Phase = phase,
            ContainerStatuses = waiting is null ? null : [new V1ContainerStatus { Name = "main", State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = waiting } } }],
        },
    };
}
