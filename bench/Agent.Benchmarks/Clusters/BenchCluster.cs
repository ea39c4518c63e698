using Agent.Benchmarks.Infrastructure;

namespace Agent.Benchmarks.Clusters;

/// <summary>
/// The executor a scenario runs the agent on (<c>--executor argo|kubernetes</c>, default argo) and the emulated cluster
/// behind it in the sandbox: the Argo Server emulator, or the Kubernetes API emulator with the agent on
/// <c>EXECUTOR_TYPE=simpleK8s</c>. Scenarios write runs into it, force a run's phase and count the agent's calls the
/// same way on both, so their tables differ only in the executor.
/// </summary>
internal abstract class BenchCluster(SandboxServer sandbox) : IAsyncDisposable
{
    public const string Argo = "argo";
    public const string Kubernetes = "kubernetes";

    public SandboxServer Sandbox => sandbox;

    /// <summary>How the tables name the executor's calls, e.g. "Argo calls" or "Kubernetes API calls".</summary>
    public abstract string CallsName { get; }

    /// <summary>How the tables name a phase change, e.g. "Argo phase change".</summary>
    public abstract string PhaseChange { get; }

    public abstract int OpenWatches { get; }

    /// <summary>The <c>--executor</c> option (argo by default); anything else is refused before a sandbox starts.</summary>
    public static string ExecutorOf(BenchArguments args) =>
        args.Text("executor", Argo) is var executor && executor is Argo or Kubernetes
            ? executor
            : throw new ArgumentException($"--executor must be {Argo} or {Kubernetes}, not '{executor}'");

    /// <summary>
    /// A fresh sandbox whose runs stay Pending for <paramref name="pendingSeconds"/>, then Running for
    /// <paramref name="runningSeconds"/>, keeping <paramref name="eventRetention"/> watch events when given.
    /// </summary>
    public static async Task<BenchCluster> StartAsync(string executor, double pendingSeconds, double runningSeconds, int? eventRetention = null)
    {
        var section = executor == Kubernetes ? "Sandbox:Kubernetes" : "Sandbox:Argo";
        var settings = new Dictionary<string, string?>
        {
            [$"{section}:PendingSeconds"] = Invariant(pendingSeconds),
            [$"{section}:RunningSeconds"] = Invariant(runningSeconds),
        };
        if (eventRetention is { } retention)
        {
            settings[$"{section}:EventRetention"] = Invariant(retention);
        }

        var sandbox = await BenchHost.StartSandboxAsync(settings);
        return executor == Kubernetes ? new KubernetesCluster(sandbox) : new ArgoCluster(sandbox);
    }

    /// <summary>The variables of an agent process on this executor, before <see cref="BenchHost.StartAgent"/> adds its own.</summary>
    public abstract Dictionary<string, string?> AgentEnvironment(string agentId);

    /// <summary>
    /// Writes one run straight into the emulator, labelled and annotated as the agent labels its own, so the agent
    /// adopts and tracks it. Returns the name <see cref="ForceRunning"/> takes.
    /// </summary>
    public abstract string CreateRun(string agentId, string runId, int index);

    /// <summary>Called once after the runs exist and before any is timed, to look up what forcing a phase needs.</summary>
    public virtual void BeforeForcing()
    {
    }

    /// <summary>Moves the run named <paramref name="name"/> to Running, as its cluster would.</summary>
    public abstract void ForceRunning(string name);

    /// <summary>Calls the agent made so far, by <c>"METHOD /route/template"</c>.</summary>
    public abstract IReadOnlyDictionary<string, long> Requests();

    /// <summary>Makes the watch route fail and drops the open watches; null when this emulator cannot.</summary>
    public abstract int? FailWatches();

    public abstract void ClearFaults();

    public ValueTask DisposeAsync() => sandbox.DisposeAsync();

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
