using Agent.Core.Executors.Argo.Customization;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Execution;

namespace Agent.Core.Executors.Argo.Building;

/// <summary>
/// The one build path of what the agent submits, for a run and for a schedule's runs alike: the workflow spec from
/// <see cref="WorkflowFactory"/>, then the operator's customization under <see cref="CustomizationKey"/>, then the
/// local policy on the images the customized spec would run. A scheduled run is customized exactly as the same
/// pipeline run on request.
/// </summary>
internal sealed class ArgoRunBuilder(WorkflowFactory workflows, CronWorkflowFactory crons, WorkflowCustomizer customizer, LocalPolicy policy)
{
    public async Task<ArgoRunPlan> BuildRunAsync(RunRequest run, CancellationToken cancellationToken)
    {
        var workflow = workflows.Build(run);
        var (spec, refusal) = await CustomizeAsync(run, workflow.Spec!, cancellationToken);
        workflow.Spec = spec;
        return new ArgoRunPlan(run, workflow, refusal);
    }

    /// <summary>The CronWorkflow of <paramref name="schedule"/> on <paramref name="cron"/>, and why local policy forbids it (or null).</summary>
    public async Task<(CronWorkflow CronWorkflow, string? Refusal)> BuildScheduleAsync(ScheduleRequest schedule, string cron, CancellationToken cancellationToken)
    {
        var template = schedule.Template with { RunId = CronWorkflowFactory.ScheduledRunId };
        var labels = workflows.PipelineLabels(template.PipelineFqn, template.PipelineType);
        var (spec, refusal) = await CustomizeAsync(template, workflows.BuildSpec(template, labels), cancellationToken);
        return (crons.Build(schedule, cron, labels, spec), refusal);
    }

    /// <summary>The key of <c>ARGO_PIPELINE_TYPE_CONFIGS</c> that applies: automations have their own.</summary>
    public static string CustomizationKey(RunRequest run) => run.Kind == RunKind.Automation ? RunKinds.AutomationPipelineType : run.PipelineType;

    private async Task<(WorkflowSpec Spec, string? Refusal)> CustomizeAsync(RunRequest run, WorkflowSpec spec, CancellationToken cancellationToken)
    {
        var customized = await customizer.ApplyAsync(spec, CustomizationKey(run), cancellationToken);
        return (customized, policy.Refusal(run.PipelineType, WorkflowCustomizer.Images(customized)));
    }
}
