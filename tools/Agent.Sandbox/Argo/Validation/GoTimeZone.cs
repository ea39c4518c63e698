namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// Go's <c>time.LoadLocation</c> as a validator (Argo's CronWorkflow <c>timezone</c> and robfig's <c>TZ=</c> prefix):
/// "", "UTC" and "Local" are built in; anything else must be an IANA zone in the tz database, matched exactly
/// (Go opens <c>/usr/share/zoneinfo/&lt;name&gt;</c>, so "utc" or a Windows id such as "Pacific Standard Time" fail).
/// </summary>
internal static class GoTimeZone
{
    /// <summary>Null when Go loads <paramref name="name"/>, else Go's error message.</summary>
    public static string? Check(string name)
    {
        if (name is "" or "UTC" or "Local")
        {
            return null;
        }

        if (name.Contains("..", StringComparison.Ordinal) || name[0] is '/' or '\\')
        {
            return "time: invalid location name";
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) && zone.HasIanaId && zone.Id == name
            ? null
            : "unknown time zone " + name;
    }
}
