using Agent.Benchmarks.Infrastructure;
using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Building;
using Agent.Core.Identity;
using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Agent.Core.Metrics;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Serialization.Json;

namespace Agent.Benchmarks.Scenarios;

/// <summary>
/// Where the agent's Argo call spends its time: the same workflow created on the same emulator, in this one
/// process, by a bare <see cref="HttpClient"/> POST of ready bytes and by the agent's own gateway (Kiota request
/// building, its middleware, the resilience pipeline, the response read). Alternating rounds at a fixed rate.
/// A diagnostic for the dispatch benchmark, not a target of its own.
/// </summary>
internal static class ArgoCallBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var rate = args.Double("rate", 200);
        var duration = args.Duration("duration", TimeSpan.FromSeconds(10));
        var rounds = args.Int("rounds", 3);
        MachineInfo.PrintHeader($"argo-call: {rounds} rounds of bare POST then gateway create, each {rate} calls/s for {duration.TotalSeconds} s");

        await using var sandbox = await BenchHost.StartSandboxAsync(new Dictionary<string, string?> { ["Sandbox:Argo:PendingSeconds"] = "86400" });
        await using var services = Gateway(sandbox);
        var argo = services.GetRequiredService<IArgoWorkflowClient>();
        var factory = services.GetRequiredService<WorkflowFactory>();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var createUrl = new Uri($"/api/v1/workflows/{BenchHost.Namespace}", UriKind.Relative);

        var table = new Table("round", "path", "calls", "failed", "p50 ms", "p90 ms", "p99 ms", "max ms");
        var pooled = new Dictionary<string, Latencies> { ["bare POST"] = new(), ["gateway"] = new() };
        for (var round = 0; round <= rounds; round++)
        {
            // Round 0 warms both paths up and is not reported.
            var count = Math.Max(1, (int)(rate * duration.TotalSeconds));
            var bodies = Enumerable.Range(0, count).Select(i => Body(factory, $"bare-{round}-{i}")).ToArray();
            var workflows = Enumerable.Range(0, count).Select(i => factory.Build(Run($"gw-{round}-{i}"))).ToArray();
            var bare = await LoadRunner.RunAsync(rate, duration, Timeout, async (i, cancel) =>
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync(createUrl, content, cancel);
                return response.IsSuccessStatusCode ? null : $"http {(int)response.StatusCode}";
            });
            var gateway = await LoadRunner.RunAsync(rate, duration, Timeout, async (i, cancel) =>
            {
                await argo.CreateWorkflowAsync(workflows[i], cancel);
                return null;
            });
            if (round == 0)
            {
                continue;
            }

            foreach (var (label, outcome) in new[] { ("bare POST", bare), ("gateway", gateway) })
            {
                var latencies = outcome.Latencies;
                table.Add(round, label, outcome.Offered, DispatchBenchmark.Failed(latencies),
                    Table.Ms(latencies.Percentile(50)), Table.Ms(latencies.Percentile(90)), Table.Ms(latencies.Percentile(99)), Table.Ms(latencies.Max));
                pooled[label].AddAll(latencies);
            }
        }

        foreach (var (label, latencies) in pooled)
        {
            table.Add("all", label, latencies.Count + latencies.Failures, DispatchBenchmark.Failed(latencies),
                Table.Ms(latencies.Percentile(50)), Table.Ms(latencies.Percentile(90)), Table.Ms(latencies.Percentile(99)), Table.Ms(latencies.Max));
        }

        table.Print("Argo create call (bare: ready bytes on HttpClient; gateway: IArgoWorkflowClient.CreateWorkflowAsync)");
        Report.Line($"gateway minus bare at p50: {pooled["gateway"].Percentile(50) - pooled["bare POST"].Percentile(50):0.000} ms");
        MachineInfo.PrintLoad("load at end");
        return 0;
    }

    /// <summary>The agent's Argo gateway as the agent registers it, pointed at the sandbox.</summary>
    private static ServiceProvider Gateway(SandboxServer sandbox)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton<AgentMetrics>();
        services.Configure<ArgoOptions>(options =>
        {
            options.Endpoint = sandbox.BaseUrl.ToString();
            options.Namespace = BenchHost.Namespace;
            options.Token = "bench";
        });
        services.AddSingleton(provider => new AgentIdentity("bench-argo-call", provider.GetRequiredService<TimeProvider>()));
        services.Configure<IngestionOptions>(options => options.Image = "openmetadata/ingestion:1.9.0");
        services.AddArgoGateway();
        return services.BuildServiceProvider();
    }

    private static RunRequest Run(string name) =>
        new(Guid.NewGuid().ToString(), $"bench_{name}.metadata", "metadata", "metadata", RequestPayloads.DefaultConfig);

    private static byte[] Body(WorkflowFactory factory, string name)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, new Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1.WorkflowCreateRequest
        {
            Namespace = BenchHost.Namespace,
            Workflow = factory.Build(Run(name)),
        });
        using var content = writer.GetSerializedContent();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}
