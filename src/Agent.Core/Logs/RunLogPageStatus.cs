namespace Agent.Core.Logs;

internal enum RunLogPageStatus
{
    /// <summary>The requested page was read.</summary>
    Page,

    /// <summary>Argo has no log for the run: its pods have not started, or were removed after it finished.</summary>
    NoLogs,

    /// <summary>The log ends before the requested page.</summary>
    PastEnd,
}
