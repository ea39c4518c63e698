using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Argo.Templating;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// Argo v4.1.2 <c>workflow/validate/validate.go</c> <c>CronWorkflow</c>, run by the cron create, update and lint
/// handlers (<c>server/cronworkflow/cron_workflow_server.go</c>), in Argo's order (FIDELITY §3.5).
/// </summary>
internal static class CronWorkflowValidator
{
    /// <summary>Room for the <c>-&lt;unix seconds&gt;</c> suffix of the workflows it creates within 63 characters.</summary>
    public const int MaxNameLength = 52;

    private static readonly string[] ConcurrencyPolicies = ["Allow", "Forbid", "Replace", ""];

    public static void Validate(JsonObject cronWorkflow)
    {
        var name = ResourceJson.Name(cronWorkflow);
        if (name.Length > MaxNameLength)
        {
            throw ArgoApiException.InvalidArgument(
                $"cron workflow name {GoStrings.Quote(name)} must not be more than {MaxNameLength} characters long (currently {name.Length})");
        }

        // v4 has only `schedules`; a v3-style `schedule` is an unknown field, dropped like any other (§3.0).
        var spec = cronWorkflow["spec"] as JsonObject ?? [];
        var schedules = (spec["schedules"] as JsonArray ?? []).Select(ScheduleText).ToList();
        if (schedules.Count == 0)
        {
            throw ArgoApiException.InvalidArgument("cron workflow must have at least one schedule");
        }

        foreach (var schedule in schedules)
        {
            if (CronSchedule.Check(schedule) is { } error)
            {
                throw ArgoApiException.InvalidArgument($"cron schedule {schedule} is malformed: {error}");
            }
        }

        var timezone = ResourceJson.StringAt(spec, "timezone") ?? "";
        if (timezone.Length > 0 && GoTimeZone.Check(timezone) is { } zoneError)
        {
            throw ArgoApiException.InvalidArgument($"invalid timezone {GoStrings.Quote(timezone)}: {zoneError}");
        }

        var concurrencyPolicy = ResourceJson.StringAt(spec, "concurrencyPolicy") ?? "";
        if (!ConcurrencyPolicies.Contains(concurrencyPolicy))
        {
            throw ArgoApiException.InvalidArgument($"'{concurrencyPolicy}' is not a valid concurrencyPolicy");
        }

        // Parsed from its JSON text: a JsonValue built from an int does not convert to long.
        if (spec["startingDeadlineSeconds"] is JsonValue deadline
            && long.TryParse(deadline.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds < 0)
        {
            throw ArgoApiException.InvalidArgument("startingDeadlineSeconds must be positive");
        }

        ValidateWorkflow(cronWorkflow);
    }

    // A non-string is a JSON type mismatch, which grpc-gateway's decoder also answers with InvalidArgument.
    private static string ScheduleText(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw ArgoApiException.InvalidArgument(
                "json: cannot unmarshal non-string into Go struct field CronWorkflowSpec.spec.schedules of type string");

    /// <summary>common.ConvertCronWorkflowToWorkflow gives the workflow a generateName only, so its name is not checked.</summary>
    private static void ValidateWorkflow(JsonObject cronWorkflow)
    {
        var workflow = CronWorkflowConversion.ToWorkflow(cronWorkflow, DateTimeOffset.UnixEpoch);
        ResourceJson.Metadata(workflow).Remove("name");
        try
        {
            WorkflowValidator.Validate(workflow);
        }
        catch (ArgoApiException exception)
        {
            throw ArgoApiException.InvalidArgument($"cannot validate Workflow: {exception.Message}");
        }
    }
}
