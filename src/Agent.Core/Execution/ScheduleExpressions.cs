namespace Agent.Core.Execution;

/// <summary>
/// The schedules a pipeline may carry: Airflow-style presets (mapped as OpenMetadata's Kubernetes client maps
/// them) and standard 5-field cron, checked field by field as robfig/cron (Argo, Kubernetes CronJobs) checks it. Anything else is refused
/// with a reason naming the field.
/// </summary>
internal static class ScheduleExpressions
{
    private static readonly Dictionary<string, string> Presets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@hourly"] = "0 * * * *",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@weekly"] = "0 0 * * 0",
        ["@monthly"] = "0 0 1 * *",
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
    };

    /// <summary>Returns the 5-field cron for <paramref name="schedule"/>, or null with a reason.</summary>
    public static string? ToCron(string schedule, out string? reason)
    {
        reason = null;
        var trimmed = schedule.Trim();
        if (Presets.TryGetValue(trimmed, out var preset))
        {
            return preset;
        }

        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            reason = $"payload field 'pipeline.schedule' must be @hourly, @daily, @weekly, @monthly, @yearly or a 5-field cron expression (got '{schedule}')";
            return null;
        }

        var problem = fields.Select((field, index) => CronField.Standard[index].Problem(field)).FirstOrDefault(found => found is not null);
        if (problem is not null)
        {
            reason = $"payload field 'pipeline.schedule' is not a valid cron expression: {problem} (got '{schedule}')";
            return null;
        }

        return string.Join(' ', fields);
    }
}
