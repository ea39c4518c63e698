using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// Cron workflow checks. Argo v4 removed the singular <c>spec.schedule</c>: the server's strict JSON decoding rejects
/// it as an unknown field, which is the error a v3-era client sees. <c>spec.schedules</c> must hold at least one
/// five-field (or <c>@every</c>-style) expression, and the embedded workflow spec must be valid.
/// </summary>
internal static class CronWorkflowSpecValidator
{
    public static void Validate(JsonNode? spec)
    {
        if (spec is JsonObject specObject && specObject.ContainsKey("schedule"))
        {
            throw ArgoApiException.InvalidArgument("json: unknown field \"schedule\"");
        }

        var schedules = (spec?["schedules"] as JsonArray ?? [])
            .Select(node => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "")
            .ToList();
        if (schedules.Count == 0)
        {
            throw ArgoApiException.InvalidArgument("cron workflow must have at least one schedule in spec.schedules");
        }

        foreach (var schedule in schedules)
        {
            var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (!schedule.StartsWith('@') && fields != 5)
            {
                throw ArgoApiException.InvalidArgument(
                    $"cron schedule \"{schedule}\" is malformed: expected exactly 5 fields, found {fields}");
            }
        }

        WorkflowSpecValidator.Validate(spec?["workflowSpec"]);
    }
}
