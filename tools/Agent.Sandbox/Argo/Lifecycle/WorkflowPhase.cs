namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>Workflow phases (<c>pkg/apis/workflow/v1alpha1/workflow_phase.go</c>); "" is Unknown, before the controller acts.</summary>
internal static class WorkflowPhase
{
    public const string Unknown = "";
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Error = "Error";

    public static bool IsCompleted(string phase) => phase is Succeeded or Failed or Error;

    public static bool IsKnown(string phase) => phase is Unknown or Pending or Running || IsCompleted(phase);
}
