using Agent.Core.Protocol.Messages;
using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>IRunBook in memory: the latest status per run, newest run first.</summary>
internal sealed class InMemoryRunBook : IRunBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RunStatusPayload> _runs = new(StringComparer.Ordinal);

    public Task RecordAsync(string agentId, RunStatusPayload status, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _runs[status.RunId] = status;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RunStatusPayload>> RecentAsync(string pipelineFqn, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RunStatusPayload>>(
                [.. _runs.Values.Where(r => r.PipelineFqn == pipelineFqn).OrderByDescending(r => r.Timestamp).Take(limit)]);
        }
    }
}
