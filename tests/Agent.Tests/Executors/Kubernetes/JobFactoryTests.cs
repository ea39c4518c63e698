using Agent.Core.Execution;
using Agent.Core.Executors.Kubernetes;
using Agent.Core.Identity;
using Agent.Core.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Executors.Kubernetes;

public sealed class JobFactoryTests
{
    private static readonly RunRequest Run = new("9f3c2a1e-5b7d-4c8e-a1f0-2d6b8e4c7a90", "svc.\"db\".$(HOME) pipeline", "a very long pipeline name that goes on and on", "metadata", "config: $(X) {{y}}");

    [Fact]
    public void Names_StayWithinTheJobAndCronJobLimits_AndDependOnTheRunIdOnly()
    {
        Assert.Equal("om-run-9f3c2a1e5b7d4c8ea1f02d6b8e4c7a90", JobNames.ForRun(Run.RunId));
        Assert.True(JobNames.ForRun(new string('x', 500)).Length <= JobNames.MaxJobName);
        Assert.True(JobNames.ForSchedule(Run.PipelineFqn, new string('p', 300)).Length <= JobNames.MaxCronJobName);
        Assert.NotEqual(JobNames.ForSchedule("a.b", "same"), JobNames.ForSchedule("a.c", "same"));
    }

    [Fact]
    public void Run_IsASuspendedJob_ConfigAndFqnFromTheSecret_NonRootPod()
    {
        var job = Factory().BuildRun(Run);

        Assert.True(job.Spec.Suspend);
        Assert.Equal(3, job.Spec.BackoffLimit);
        Assert.Equal(7200, job.Spec.ActiveDeadlineSeconds);
        Assert.Equal(604800, job.Spec.TtlSecondsAfterFinished);
        Assert.Equal(Run.PipelineFqn, job.Metadata.Annotations[WorkflowLabels.PipelineFqnAnnotation]);
        Assert.Equal(LabelValues.ForPipeline(Run.PipelineFqn), job.Metadata.Labels[WorkflowLabels.Pipeline]);
        var pod = job.Spec.Template.Spec;
        Assert.Equal("Never", pod.RestartPolicy);
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        var main = Assert.Single(pod.Containers);
        Assert.Equal("main", main.Name);
        Assert.Equal(["python", "main.py"], main.Command);
        Assert.False(main.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], main.SecurityContext.Capabilities.Drop);
        var config = main.Env.Single(env => env.Name == "config");
        Assert.Null(config.Value);
        Assert.Equal(job.Metadata.Name, config.ValueFrom.SecretKeyRef.Name);
        Assert.NotNull(main.Env.Single(env => env.Name == "ingestionPipelineFQN").ValueFrom.SecretKeyRef);
        Assert.Equal(Run.RunId, main.Env.Single(env => env.Name == "pipelineRunId").Value);
    }

    [Fact]
    public void Schedule_IsForbidCronJob_NoCatchUp_RunIdFromTheJobUidLabel()
    {
        var cron = Factory().BuildSchedule(new ScheduleRequest(Run, "@daily", "Europe/Paris", Enabled: false), "0 0 * * *");

        Assert.Equal("Forbid", cron.Spec.ConcurrencyPolicy);
        Assert.Equal(60, cron.Spec.StartingDeadlineSeconds);
        Assert.Equal("Europe/Paris", cron.Spec.TimeZone);
        Assert.True(cron.Spec.Suspend);
        Assert.False(cron.Spec.JobTemplate.Spec.Suspend);
        var runId = cron.Spec.JobTemplate.Spec.Template.Spec.Containers[0].Env.Single(env => env.Name == "pipelineRunId");
        Assert.Equal("metadata.labels['batch.kubernetes.io/controller-uid']", runId.ValueFrom.FieldRef.FieldPath);
    }

    [Fact]
    public void PipelineTypeConfigs_AreMergedIntoThatTypesPodSpec()
    {
        var job = Factory("""{"metadata":{"priorityClassName":"high"}}""").BuildRun(Run);
        var other = Factory("""{"automation":{"priorityClassName":"high"}}""").BuildRun(Run);

        Assert.Equal("high", job.Spec.Template.Spec.PriorityClassName);
        Assert.Null(other.Spec.Template.Spec.PriorityClassName);
    }

    [Fact]
    public void Validator_NamesTheSetting()
    {
        var result = new KubernetesOptionsValidator().Validate(null, new KubernetesOptions
        {
            BackoffLimit = -1,
            StartingDeadlineSeconds = 0,
            PipelineTypeConfigs = "[1]",
            ApiUrl = "not a url",
        });

        Assert.Contains("Kubernetes:BackoffLimit must be 0 or more", result.Failures!);
        Assert.Contains("Kubernetes:StartingDeadlineSeconds must be more than 0", result.Failures!);
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Kubernetes:PipelineTypeConfigs (SIMPLEK8S_PIPELINE_TYPE_CONFIGS)", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Kubernetes:ApiUrl", StringComparison.Ordinal));
        Assert.True(new KubernetesOptionsValidator().Validate(null, new KubernetesOptions { PipelineTypeConfigs = "" }).Succeeded);
    }

    private static JobFactory Factory(string? typeConfigs = null) => Factory(Options.Create(new IngestionOptions { Image = "openmetadata/ingestion-base:1.9.0" }), typeConfigs);

    private static JobFactory Factory(IOptions<IngestionOptions> ingestion, string? typeConfigs) => new(
        ingestion,
        new IngestionImage(ingestion, NullLogger<IngestionImage>.Instance),
        Options.Create(new KubernetesOptions { Namespace = "ingest", PipelineTypeConfigs = typeConfigs }),
        new AgentIdentity("agent-1", TimeProvider.System));
}
