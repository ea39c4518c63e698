namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>Node phases (pkg/apis/workflow/v1alpha1/workflow_types.go NodePhase).</summary>
internal static class NodePhase
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Error = "Error";

    public static bool IsFulfilled(string phase) => phase is Succeeded or Failed or Error;

    public static bool FailedOrError(string phase) => phase is Failed or Error;
}
