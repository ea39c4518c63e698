using Agent.Core.Execution;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// Names derived from the request alone, so a replay (a repeated <c>pipeline.run</c>, a reconnect, an agent restart)
/// meets the API server's 409 instead of making a second Job. The run's Job is named from the run id only, so the same
/// run id sent under another pipeline name is caught too. Job names stay within 63 characters (the Job strategy copies
/// them into the pod-template label <c>job-name</c>), CronJob names within 52 (the controller appends
/// <c>-&lt;minutes&gt;</c>): K8S pkg/apis/batch/validation/validation.go ValidateJob/ValidateCronJob, research-16 §3.1.
/// OpenMetadata's K8sPipelineClient overruns both (§1.1); these do not.
/// </summary>
internal static class JobNames
{
    public const int MaxJobName = 63;
    public const int MaxCronJobName = 52;

    /// <summary><c>om-run-</c> and the run id's 32 hex digits (a hash for a run id that is not a UUID): 39 characters.</summary>
    public static string ForRun(string runId) => $"om-run-{LabelValues.RunSuffix(runId)}";

    /// <summary>At most 8 + 20 + 1 + 12 = 41 characters; the hash of the FQN keeps pipelines whose names sanitize alike apart.</summary>
    public static string ForSchedule(string pipelineFqn, string pipelineName) =>
        $"om-cron-{LabelValues.ToDnsFragment(pipelineName, 20, "pipeline")}-{LabelValues.Hash(pipelineFqn, 12)}";
}
