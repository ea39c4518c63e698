using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// Builds the Workflow a cron schedule tick (or a manual submit) creates, after Argo's
/// <c>common.ConvertCronWorkflowToWorkflow</c>: named <c>&lt;cron&gt;-&lt;unix seconds&gt;</c>, labelled with the
/// cron's name, owned by the cron workflow, carrying its <c>workflowMetadata</c> labels and annotations.
/// </summary>
internal static class CronWorkflowConversion
{
    public const string CronWorkflowLabel = "workflows.argoproj.io/cron-workflow";
    public const string ScheduledTimeAnnotation = "workflows.argoproj.io/scheduled-time";

    public static JsonObject ToWorkflow(JsonObject cronWorkflow, DateTimeOffset scheduledTime)
    {
        var cronName = ResourceJson.Name(cronWorkflow);
        var spec = cronWorkflow["spec"] as JsonObject;
        var workflowMetadata = spec?["workflowMetadata"] as JsonObject;
        var labels = (workflowMetadata?["labels"] as JsonObject)?.DeepClone().AsObject() ?? [];
        labels[CronWorkflowLabel] = cronName;
        var annotations = (workflowMetadata?["annotations"] as JsonObject)?.DeepClone().AsObject() ?? [];
        annotations[ScheduledTimeAnnotation] = Rfc3339.Format(scheduledTime);
        var unixSeconds = scheduledTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{cronName}-{unixSeconds}",
                ["namespace"] = ResourceJson.Namespace(cronWorkflow),
                ["labels"] = labels,
                ["annotations"] = annotations,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "argoproj.io/v1alpha1",
                    ["kind"] = "CronWorkflow",
                    ["name"] = cronName,
                    ["uid"] = ResourceJson.StringAt(cronWorkflow["metadata"], "uid"),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = spec?["workflowSpec"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
