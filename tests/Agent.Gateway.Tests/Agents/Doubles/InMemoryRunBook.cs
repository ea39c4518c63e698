using System.Collections.Concurrent;
using System.Threading.Channels;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Agents.Doubles;

/// <summary>Runs kept per (pipeline, run id), the latest report winning; every call is also published for tests to await.</summary>
internal sealed class InMemoryRunBook : IRunBook
{
    private readonly ConcurrentDictionary<(string Fqn, string RunId), RunStatusPayload> _runs = new();
    private readonly Channel<(string AgentId, RunStatusPayload Status)> _recorded = Channel.CreateUnbounded<(string, RunStatusPayload)>();
    private int _calls;

    /// <summary>How many times <see cref="RecordAsync"/> was called.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public ChannelReader<(string AgentId, RunStatusPayload Status)> Recorded => _recorded.Reader;

    public Task RecordAsync(string agentId, RunStatusPayload status, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        _runs[(status.PipelineFqn, status.RunId)] = status;
        _recorded.Writer.TryWrite((agentId, status));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RunStatusPayload>> RecentAsync(string pipelineFqn, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunStatusPayload>>(
            [.. _runs.Values.Where(run => run.PipelineFqn == pipelineFqn).OrderByDescending(run => run.Timestamp).Take(limit)]);
}
