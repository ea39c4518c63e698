using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Store;

/// <summary>
/// The runs agents report (<c>run.status</c>), kept where every replica reads them: OpenMetadata's
/// <c>status?only_queued=true</c> is answered from here, fast, on every run-history read.
/// </summary>
internal interface IRunBook
{
    Task RecordAsync(string agentId, RunStatusPayload status, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> runs of a pipeline, newest first.</summary>
    Task<IReadOnlyList<RunStatusPayload>> RecentAsync(string pipelineFqn, int limit, CancellationToken cancellationToken);
}
