namespace Agent.Core.Protocol;

/// <summary>The <c>type</c> values of protocol v1 (docs/protocol.md).</summary>
internal static class MessageTypes
{
    public const string Hello = "hello";
    public const string Welcome = "welcome";
    public const string Ack = "ack";
    public const string Heartbeat = "heartbeat";
    public const string HeartbeatAck = "heartbeat.ack";
    public const string Result = "result";
    public const string RunStatus = "run.status";
    public const string Error = "error";

    public const string PipelineDeploy = "pipeline.deploy";
    public const string PipelineRun = "pipeline.run";
    public const string PipelineKill = "pipeline.kill";
    public const string PipelineKillRun = "pipeline.killRun";
    public const string PipelineDelete = "pipeline.delete";
    public const string PipelineToggle = "pipeline.toggle";
    public const string PipelineStatus = "pipeline.status";
    public const string PipelineLogs = "pipeline.logs";
    public const string ServiceStatus = "service.status";
    public const string AutomationRun = "automation.run";
    public const string ApplicationRun = "application.run";

    /// <summary><em>Addition:</em> the finished runs Argo still holds, for a control plane that missed their final status (protocol §7.1).</summary>
    public const string RunsReconcile = "runs.reconcile";
}
