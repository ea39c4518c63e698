using System.Reflection;
using Agent.Core.Executors.Kubernetes;
using k8s.Models;

namespace Agent.Tests.Executors.Kubernetes;

/// <summary>
/// Pins the Job watcher's per-run state to slim records (docs/benchmarks.md §4): it once held each whole <c>V1Job</c> and
/// <c>V1Pod</c>, about 17 KB a run at 10,000 runs, where the state needs a few strings, times and flags.
/// </summary>
public sealed class JobWatcherStateTests
{
    private static readonly Assembly KubernetesModels = typeof(V1Job).Assembly;

    [Fact]
    public void WatcherState_HoldsNoKubernetesClientObject()
    {
        // The fields the watcher declares itself (not the services its constructor captured), and every type they reach.
        var state = typeof(JobWatcher).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(field => field.Name.StartsWith('_'))
            .ToList();
        Assert.Contains(state, field => field.Name == "_jobs");
        Assert.Contains(state, field => field.Name == "_newestPods");

        var reached = new HashSet<Type>();
        foreach (var field in state)
        {
            Reach(field.FieldType, reached);
        }

        Assert.Contains(typeof(TrackedJob), reached);
        Assert.Contains(typeof(TrackedPod), reached);
        Assert.DoesNotContain(reached, type => type.Assembly == KubernetesModels);
    }

    [Fact]
    public void Track_KeepsWhatTheStateIsReadFrom()
    {
        var job = new V1Job
        {
            Metadata = new V1ObjectMeta
            {
                Name = "om-run-1",
                Annotations = new Dictionary<string, string> { ["hybrid-agent/run-id"] = "r1", ["hybrid-agent/pipeline-fqn"] = "a.b", [JobStates.StoppedAnnotation] = "2026-03-01T12:00:00.0000000+00:00" },
                Labels = new Dictionary<string, string> { ["hybrid-agent/pipeline-type"] = "metadata" },
            },
            Status = new V1JobStatus { Conditions = [new V1JobCondition { Type = "Failed", Status = "True", Message = "deadline", LastTransitionTime = new DateTime(2026, 3, 1, 12, 5, 0, DateTimeKind.Utc) }] },
        };
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "om-run-1-x", DeletionTimestamp = DateTime.UtcNow },
            Status = new V1PodStatus { Phase = "Failed", ContainerStatuses = [new V1ContainerStatus { State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { Reason = "Error" } } }] },
        };

        var tracked = JobStates.Track(job);

        Assert.Equal(new TrackedJob("om-run-1", "r1", "a.b", "metadata", null, null, new DateTimeOffset(2026, 3, 1, 12, 5, 0, TimeSpan.Zero), false, true, "deadline", true), tracked);
        Assert.Equal(new TrackedPod("om-run-1-x", null, "Failed", true, null, "Error"), JobStates.Track(pod));
    }

    private static void Reach(Type type, HashSet<Type> reached)
    {
        if (!reached.Add(type))
        {
            return;
        }

        foreach (var argument in type.GetGenericArguments())
        {
            Reach(argument, reached);
        }

        if (type.Assembly == typeof(JobWatcher).Assembly)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Reach(field.FieldType, reached);
            }
        }
    }
}
