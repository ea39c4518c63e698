using System.Net;
using Agent.Core;
using Agent.Core.Executors;
using Agent.Core.Executors.Kubernetes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Executors.Kubernetes;

/// <summary>
/// The Kubernetes client's resilience handler (the shared <see cref="ExecutorResilience"/>): transient answers are
/// retried, watches are neither retried nor cut by the per-attempt timeout, and the breaker's lines name the API.
/// </summary>
public sealed class KubernetesResilienceTests
{
    private const string Jobs = "http://api.test/apis/batch/v1/namespaces/ingestion/jobs";

    [Fact]
    public async Task Create_Two503sThenCreated_IsRetriedToTheCreated()
    {
        var server = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created);
        using var invoker = Invoker(server, TimeProvider.System);

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, Jobs), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(3, server.Calls);
    }

    [Fact]
    public async Task Watch_503_IsHandedBackAtOnce_ForTheWatcherToBackOff()
    {
        var server = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var invoker = Invoker(server, TimeProvider.System);

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Jobs + "?watch=true&resourceVersion=5"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.Calls);
    }

    [Fact]
    public async Task List_LongerThanTheAttemptTimeout_IsCut()
    {
        var time = new FakeTimeProvider();
        var server = new ScriptedHandler(HttpStatusCode.OK) { Hang = true };
        using var invoker = Invoker(server, time);

        var call = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Jobs), CancellationToken.None);
        await server.Entered.Task.WaitAsync(TestTimeouts.Default);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(server.Token.IsCancellationRequested);
        Assert.False(call.IsCompleted, "the timed-out attempt is retried after a backoff on the same clock");
    }

    [Fact]
    public async Task Watch_OpenLongerThanTheAttemptTimeout_StaysOpen()
    {
        var time = new FakeTimeProvider();
        var server = new ScriptedHandler(HttpStatusCode.OK) { Hang = true };
        using var invoker = Invoker(server, time);
        using var stop = new CancellationTokenSource();

        var call = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, Jobs + "?watch=true"), stop.Token);
        await server.Entered.Task.WaitAsync(TestTimeouts.Default);
        time.Advance(TimeSpan.FromHours(1));

        Assert.False(server.Token.IsCancellationRequested);
        await stop.CancelAsync();
        Assert.True(server.Token.IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Theory]
    [InlineData("http://api.test/api/v1/namespaces/x/pods?watch=true", true)]
    [InlineData("http://api.test/api/v1/namespaces/x/pods?labelSelector=a&watch=1&timeoutSeconds=300", true)]
    [InlineData("http://api.test/api/v1/namespaces/x/pods?watch=false", false)]
    [InlineData("http://api.test/api/v1/namespaces/x/pods/watch", false)]
    public void IsWatch_ReadsTheWatchQuery(string url, bool expected) =>
        Assert.Equal(expected, KubernetesResilience.IsWatch(new HttpRequestMessage(HttpMethod.Get, url)));

    [Fact]
    public void BreakerLines_NameTheApi_WithTheirEventIds()
    {
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(collector)));
        var logger = factory.CreateLogger("test");
        var kubernetes = new ExecutorResilienceLog(new ExecutorApi(
            "Kubernetes API", "Kubernetes API", TimeSpan.FromSeconds(10), e => e.Message,
            new ExecutorApiEventIds(AgentEventIds.KubernetesPaused, AgentEventIds.KubernetesStillPaused, AgentEventIds.KubernetesResumed)));
        var argo = new ExecutorResilienceLog(new ExecutorApi(
            "Argo Server", "Argo", TimeSpan.FromSeconds(10), e => e.Message,
            new ExecutorApiEventIds(AgentEventIds.ArgoPaused, AgentEventIds.ArgoStillPaused, AgentEventIds.ArgoResumed)));

        kubernetes.Paused(logger, 5, "Kubernetes API answered 503", null);
        kubernetes.Resumed(logger, null);
        argo.Paused(logger, 5, "Argo answered 503", null);
        argo.StillPaused(logger, 5, "Argo answered 503", null);

        var lines = collector.GetSnapshot().Select(r => (r.Id.Id, r.Id.Name, r.Level, r.Message)).ToList();
        Assert.Equal(
        [
            (2810, "Paused", LogLevel.Warning, "Kubernetes API calls paused for 5 s after repeated failures; last: Kubernetes API answered 503"),
            (2811, "Resumed", LogLevel.Information, "Kubernetes API calls resumed"),
            (2110, "Paused", LogLevel.Warning, "Argo Server calls paused for 5 s after repeated failures; last: Argo answered 503"),
            (2112, "StillPaused", LogLevel.Debug, "Argo Server calls stay paused for 5 s: the trial call failed: Argo answered 503"),
        ], lines);
    }

    private static HttpMessageInvoker Invoker(HttpMessageHandler server, TimeProvider time)
    {
        var handler = KubernetesResilience.CreateHandler(new KubernetesOptions(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, time);
        handler.InnerHandler = server;
        return new HttpMessageInvoker(handler);
    }
}
