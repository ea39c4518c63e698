namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Emulator timings for fault tests: each pod starts at once and its program never ends by itself, so a run is running
/// for as long as the fault takes, on a loaded machine too, and ends exactly when the test forces its pod's phase.
/// </summary>
internal static class LongRunningJobs
{
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Sandbox:Kubernetes:PendingSeconds"] = "0",
        ["Sandbox:Kubernetes:RunningSeconds"] = "600",
    };
}
