namespace Agent.Sandbox.Argo;

/// <summary>
/// Log messages of the Argo emulator. Their event ids are listed in <see cref="SandboxEventIds"/>.
/// </summary>
internal static partial class ArgoEmulatorLog
{
    [LoggerMessage(EventId = SandboxEventIds.WorkflowCreated, Level = LogLevel.Information, Message = "Workflow {Namespace}/{Name} created")]
    public static partial void WorkflowCreated(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = SandboxEventIds.PhaseChanged, Level = LogLevel.Debug, Message = "Workflow {Namespace}/{Name} is now {Phase}")]
    public static partial void PhaseChanged(ILogger logger, string @namespace, string name, string phase);

    [LoggerMessage(EventId = SandboxEventIds.WorkflowDeleted, Level = LogLevel.Information, Message = "Workflow {Namespace}/{Name} deleted")]
    public static partial void WorkflowDeleted(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = SandboxEventIds.WorkflowShutdown, Level = LogLevel.Information, Message = "Workflow {Namespace}/{Name} shut down with strategy {Strategy}")]
    public static partial void WorkflowShutdown(ILogger logger, string @namespace, string name, string strategy);

    [LoggerMessage(EventId = SandboxEventIds.PhaseForced, Level = LogLevel.Information, Message = "Phase {Phase} forced on workflow {Namespace}/{Name}")]
    public static partial void PhaseForced(ILogger logger, string @namespace, string name, string phase);

    [LoggerMessage(EventId = SandboxEventIds.PodsDeleted, Level = LogLevel.Information, Message = "Pods of workflow {Namespace}/{Name} deleted")]
    public static partial void PodsDeleted(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = SandboxEventIds.WatchesClosing, Level = LogLevel.Information, Message = "Closing {Count} open watches")]
    public static partial void WatchesClosing(ILogger logger, int count);

    [LoggerMessage(EventId = SandboxEventIds.CronSubmitted, Level = LogLevel.Information, Message = "Cron workflow {Namespace}/{Name} submitted workflow {WorkflowName}")]
    public static partial void CronSubmitted(ILogger logger, string @namespace, string name, string workflowName);
}
