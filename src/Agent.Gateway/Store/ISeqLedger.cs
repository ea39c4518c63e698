namespace Agent.Gateway.Store;

/// <summary>Per agent instance, the highest reliable <c>seq</c> processed: the <c>ackedSeq</c> of the next <c>welcome</c>.</summary>
internal interface ISeqLedger
{
    Task<long> AckedAsync(string agentId, string instanceId, CancellationToken cancellationToken);

    Task AdvanceAsync(string agentId, string instanceId, long seq, CancellationToken cancellationToken);
}
