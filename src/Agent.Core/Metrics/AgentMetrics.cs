using System.Diagnostics;
using Prometheus;

namespace Agent.Core.Metrics;

/// <summary>
/// Every metric the agent exports. The names are a contract with existing dashboards and alerts (the seed's
/// eleven); the registry is injected so that hosts running side by side in tests never share counters.
/// </summary>
internal sealed class AgentMetrics
{
    private const string Prefix = "collate_hybrid_agent_";
    private readonly Stopwatch _cpuClock = Stopwatch.StartNew();
    private TimeSpan _lastCpu;
    private TimeSpan _lastWall;

    public AgentMetrics(CollectorRegistry registry, TimeProvider timeProvider)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        JobsCreated = factory.CreateCounter(Prefix + "jobs_counter_total", "Number of jobs created by the agent");
        JobsByStatus = factory.CreateCounter(Prefix + "jobs_total", "Number of jobs by final status", "status");
        MemoryUsage = factory.CreateGauge(Prefix + "memory_usage", "Managed heap in use (MB)");
        CpuUsage = factory.CreateGauge(Prefix + "cpu_usage", "Process CPU usage (%) since the previous scrape");
        Connected = factory.CreateGauge(Prefix + "connected", "Is the agent connected to the server? (0 = No, 1 = Yes)");
        Draining = factory.CreateGauge(Prefix + "draining", "Is the agent draining, taking no new work? (0 = No, 1 = Yes)");
        ServerResponseTime = new ResponseTimeMetric(factory, Prefix + "server_response_time_seconds", "Control-plane round trip", timeProvider);
        ArgoResponseTime = new ResponseTimeMetric(factory, Prefix + "argo_response_time_seconds", "Argo Server response time", timeProvider);
        ExecutorResponseTime = new ResponseTimeMetric(factory, Prefix + "executor_response_time_seconds", "Executor call time (Argo Server or Kubernetes API)", timeProvider);
        Reconnects = factory.CreateCounter(Prefix + "reconnects_total", "Control-plane reconnects by reason", "reason");
        OutboxDepth = factory.CreateGauge(Prefix + "outbox_depth", "Reliable messages waiting for the control plane's ack");
        Requests = factory.CreateCounter(Prefix + "requests_total", "Control-plane requests by type and outcome", "type", "outcome");
        ArgoErrors = factory.CreateCounter(Prefix + "argo_errors_total", "Argo calls that failed, by kind", "kind");
        foreach (var status in JobStatuses)
        {
            // Exported at 0 from the start, so dashboards and alerts see the series before the first job ends.
            JobsByStatus.WithLabels(status);
        }

        registry.AddBeforeCollectCallback(UpdateProcessGauges);
    }

    /// <summary>The <c>status</c> label values of <see cref="JobsByStatus"/>.</summary>
    public static IReadOnlyList<string> JobStatuses { get; } = ["succeeded", "failed", "stopped", "partial_success"];

    public Counter JobsCreated { get; }

    public Counter JobsByStatus { get; }

    public Gauge MemoryUsage { get; }

    public Gauge CpuUsage { get; }

    public Gauge Connected { get; }

    /// <summary>1 from <c>POST /admin/drain</c> (or shutdown) until <c>DELETE /admin/drain</c>; not one of the seed's names.</summary>
    public Gauge Draining { get; }

    public ResponseTimeMetric ServerResponseTime { get; }

    public ResponseTimeMetric ArgoResponseTime { get; }

    /// <summary>
    /// The call time of whichever executor runs the pipelines: the public chart's dashboard reads this newer name
    /// (panel "Executor Response Time"); <see cref="ArgoResponseTime"/> stays for the seed's dashboards.
    /// </summary>
    public ResponseTimeMetric ExecutorResponseTime { get; }

    public Counter Reconnects { get; }

    public Gauge OutboxDepth { get; }

    public Counter Requests { get; }

    public Counter ArgoErrors { get; }

    private void UpdateProcessGauges()
    {
        ServerResponseTime.Refresh();
        ArgoResponseTime.Refresh();
        ExecutorResponseTime.Refresh();
        MemoryUsage.Set(GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024.0));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = _cpuClock.Elapsed;
        var wallDelta = (wall - _lastWall).TotalSeconds;
        if (wallDelta > 0)
        {
            // Percent of one core, like `top`; a process using both cores of a 2-core node reads 200.
            CpuUsage.Set(Math.Max(0, (cpu - _lastCpu).TotalSeconds / wallDelta * 100));
        }

        _lastCpu = cpu;
        _lastWall = wall;
    }
}
