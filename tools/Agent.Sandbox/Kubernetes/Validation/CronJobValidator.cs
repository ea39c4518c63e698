using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Agent.Sandbox.Argo.Validation;
using Agent.Sandbox.Kubernetes.Json;

namespace Agent.Sandbox.Kubernetes.Validation;

/// <summary>
/// batch/v1 CronJob rules at create (K8S pkg/apis/batch/validation/validation.go ValidateCronJob,
/// validateCronJobSpec, validateTimeZone). The name may have at most 52 characters because the controller appends
/// <c>-&lt;minutes since epoch&gt;</c> (11 characters) to make Job names; the schedule is robfig's ParseStandard
/// without a TZ prefix; timeZone must load; concurrencyPolicy is Allow, Forbid or Replace (defaulted to Allow).
/// </summary>
internal static partial class CronJobValidator
{
    public const int MaxNameLength = 52;

    public static List<FieldError> Validate(JsonObject cronJob)
    {
        var errors = MetadataValidator.Validate(cronJob);
        var name = KubeJson.Name(cronJob);
        if (name.Length > MaxNameLength)
        {
            errors.Add(FieldError.Invalid("metadata.name", name, $"must be no more than {MaxNameLength} characters"));
        }

        var spec = cronJob["spec"];
        var schedule = KubeJson.StringAt(spec, "schedule") ?? "";
        if (schedule.Length == 0)
        {
            errors.Add(FieldError.Required("spec.schedule"));
        }
        else if (schedule.Contains("TZ", StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid("spec.schedule", schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
        }
        else if (CronSchedule.Check(schedule) is { } problem)
        {
            errors.Add(FieldError.Invalid("spec.schedule", schedule, problem));
        }

        if (spec?["timeZone"] is JsonValue zoneValue && zoneValue.TryGetValue<string>(out var zone) && TimeZoneError(zone) is { } zoneError)
        {
            errors.Add(FieldError.Invalid("spec.timeZone", zone, zoneError));
        }

        var policy = KubeJson.StringAt(spec, "concurrencyPolicy") ?? "Allow";
        if (policy is not ("Allow" or "Forbid" or "Replace"))
        {
            errors.Add(FieldError.NotSupported("spec.concurrencyPolicy", policy, "Allow", "Forbid", "Replace"));
        }

        foreach (var field in (string[])["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"])
        {
            if (KubeJson.LongAt(spec, field) is < 0)
            {
                errors.Add(FieldError.Invalid($"spec.{field}", spec![field], "must be greater than or equal to 0"));
            }
        }

        errors.AddRange(JobValidator.ValidateSpec(spec?["jobTemplate"]?["spec"], "spec.jobTemplate.spec"));
        return errors;
    }

    /// <summary>validateTimeZone: explicit IANA names only; each path part is checked before Go's LoadLocation.</summary>
    private static string? TimeZoneError(string zone)
    {
        if (zone.Length == 0)
        {
            return "timeZone must be nil or non-empty string";
        }

        if (zone.Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            return "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";
        }

        if (zone.Split('/').Any(part => part is "." or ".." || part.StartsWith('-') || !ZonePart().IsMatch(part)))
        {
            return "unknown time zone " + zone;
        }

        return GoTimeZone.Check(zone);
    }

    [GeneratedRegex(@"^[A-Za-z\.\-_0-9+]{1,14}\z")]
    private static partial Regex ZonePart();
}
