using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Metrics;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Operations;

/// <summary>A <see cref="RequestDispatcher"/> over a real outbox and cache, with a fake clock and fake handlers.</summary>
internal sealed class DispatcherHarness : IDisposable
{
    public DispatcherHarness(int maxConcurrent = 32, params IOperationHandler[] handlers)
        : this(new ControlPlaneOptions { MaxConcurrentOperations = maxConcurrent, OutboxCapacity = 64 }, handlers)
    {
    }

    public DispatcherHarness(ControlPlaneOptions options, params IOperationHandler[] handlers)
        : this(options, NullLogger<RequestDispatcher>.Instance, handlers)
    {
    }

    public DispatcherHarness(ControlPlaneOptions options, ILogger<RequestDispatcher> logger, params IOperationHandler[] handlers)
    {
        Outbox = new ReliableOutbox(options.OutboxCapacity, Time);
        Cache = new ResultCache(Time, ResultCacheLimits.From(options));
        Dispatcher = new RequestDispatcher(
            handlers,
            Outbox,
            Cache,
            Options.Create(options),
            new AgentMetrics(Registry, Time),
            Time,
            logger);
    }

    public Prometheus.CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public ResultCache Cache { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public ReliableOutbox Outbox { get; }

    public RequestDispatcher Dispatcher { get; }

    public Envelope Request(string type, string id, string payloadJson = "{}") =>
        new(type, id, Time.GetUtcNow(), JsonDocument.Parse(payloadJson).RootElement);

    /// <summary>Waits until the outbox holds <paramref name="count"/> messages and returns them in order.</summary>
    public async Task<IReadOnlyList<Envelope>> ResultsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        while (true)
        {
            var (entries, more) = Outbox.After(0);
            if (entries.Count >= count)
            {
                return [.. entries.Select(entry => entry.Message)];
            }

            try
            {
                await more.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"expected {count} result(s) in the outbox, found {entries.Count}");
            }
        }
    }

    public static ResultPayload Payload(Envelope result) =>
        result.Payload.Deserialize(ProtocolJsonContext.Default.ResultPayload)!;

    public void Dispose()
    {
        Dispatcher.Dispose();
        Outbox.Dispose();
    }
}
