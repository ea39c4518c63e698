using System.Text.Json;
using Agent.Core.Executors.Argo;
using Agent.Core.Execution;
using Agent.Core.Identity;
using Agent.Core.Metrics;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Argo;

/// <summary>
/// Issue 13: with Argo down, Polly's retry and breaker events logged a stack trace each (682 lines in 60 s). A failed
/// call now leaves one line at Information or above, from the catch site, naming the cause; the stack traces are at Debug.
/// </summary>
public sealed class ArgoFailureLoggingTests
{
    [Fact]
    public async Task FailedCall_ArgoRefusingEveryAttempt_OneWarningWithoutStackTraceAndPollyOnlyAtDebug()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var provider = Gateway($"http://127.0.0.1:{LoopbackServer.ClosedPort()}", clock);
        var executor = provider.GetRequiredService<IRunExecutor>();
        var logs = provider.GetFakeLogCollector();
        logs.Clear();

        var failure = await WhileAdvancingAsync(clock, Record.ExceptionAsync(() => executor.GetVersionAsync(CancellationToken.None)));
        var request = new Envelope(MessageTypes.PipelineRun, "request-1", clock.GetUtcNow(), JsonDocument.Parse("{}").RootElement);
        OperationErrors.ToResult(failure!, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Agent.Core.Operations"), request);

        var records = logs.GetSnapshot();
        var shown = Assert.Single(records, record => record.Level >= LogLevel.Information);
        Assert.Equal(LogLevel.Warning, shown.Level);
        Assert.Null(shown.Exception);
        Assert.Equal(
            "Request request-1 (pipeline.run) failed on Argo (Unavailable): Argo Server unreachable: connection refused (is the port right?)",
            shown.Message);
        var retries = records.Where(record => record.Category == "Polly").ToList();
        // Polly.Core's telemetry logs each attempt as EventId 3 "ExecutionAttempt" (Polly.Extensions Telemetry/Log.cs).
        Assert.Equal(7, retries.Count(record => record.Id.Id == 3));
        Assert.All(retries, record => Assert.Equal(LogLevel.Debug, record.Level));
        Assert.Contains(retries, record => record.Exception is HttpRequestException);
    }

    /// <summary>The retries wait on the fake clock; it moves on until the call is over, so the test neither sleeps nor hangs.</summary>
    private static async Task<T> WhileAdvancingAsync<T>(FakeTimeProvider clock, Task<T> call)
    {
        using var deadline = new CancellationTokenSource(TestTimeouts.Default);
        while (!call.IsCompleted)
        {
            deadline.Token.ThrowIfCancellationRequested();
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(10, deadline.Token));
        }

        return await call;
    }

    private static ServiceProvider Gateway(string endpoint, TimeProvider clock)
    {
        var services = new ServiceCollection();
        // As the agent's appsettings.json has it: HttpClient's per-request lines only from Warning.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFilter("System.Net.Http.HttpClient", LogLevel.Warning).AddFakeLogging());
        services.AddSingleton(clock);
        services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton<AgentMetrics>();
        services.Configure<ArgoOptions>(options =>
        {
            options.Endpoint = endpoint;
            options.Token = "argo-token";
            options.Namespace = "ingestion";
        });
        services.AddSingleton(new AgentIdentity("agent-1", clock));
        services.AddArgoExecutor();
        return services.BuildServiceProvider();
    }

}
