namespace Agent.Sandbox.Argo;

/// <summary>
/// Log messages of the Argo emulator. EventIds 9100-9199 belong to it (the agent itself uses 1xxx-3xxx);
/// they must not be duplicated, reused or repurposed.
/// </summary>
internal static partial class ArgoEmulatorLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Workflow {Namespace}/{Name} created")]
    public static partial void WorkflowCreated(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "Workflow {Namespace}/{Name} is now {Phase}")]
    public static partial void PhaseChanged(ILogger logger, string @namespace, string name, string phase);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Workflow {Namespace}/{Name} deleted")]
    public static partial void WorkflowDeleted(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "Workflow {Namespace}/{Name} shut down with strategy {Strategy}")]
    public static partial void WorkflowShutdown(ILogger logger, string @namespace, string name, string strategy);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "Phase {Phase} forced on workflow {Namespace}/{Name}")]
    public static partial void PhaseForced(ILogger logger, string @namespace, string name, string phase);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Information, Message = "Pods of workflow {Namespace}/{Name} deleted")]
    public static partial void PodsDeleted(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Information, Message = "Closing {Count} open watches")]
    public static partial void WatchesClosing(ILogger logger, int count);

    [LoggerMessage(EventId = 9107, Level = LogLevel.Information, Message = "Cron workflow {Namespace}/{Name} submitted workflow {WorkflowName}")]
    public static partial void CronSubmitted(ILogger logger, string @namespace, string name, string workflowName);
}
