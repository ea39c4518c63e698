namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// Which reliable <c>seq</c>s of one agent instance were processed. Seqs are numbered per agent process, so the
/// ledger is keyed by <c>instanceId</c> and survives reconnects; it tracks a contiguous floor plus the sparse
/// seqs above it, so a seq that fills a gap is still processed once while a resend is not.
/// </summary>
internal sealed class ReliableLedger
{
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _aboveFloor = [];
    private long _floor;
    private long _highWater;

    /// <summary>The highest seq processed so far: the cumulative ack and the <c>welcome.ackedSeq</c>.</summary>
    public long HighWater
    {
        get
        {
            lock (_gate)
            {
                return _highWater;
            }
        }
    }

    public SeqOutcome Process(long seq)
    {
        lock (_gate)
        {
            if (seq <= _floor || _aboveFloor.Contains(seq))
            {
                return new SeqOutcome(Duplicate: true, Gap: false, _highWater);
            }

            var gap = seq > _highWater + 1;
            _aboveFloor.Add(seq);
            while (_aboveFloor.Remove(_floor + 1))
            {
                _floor++;
            }

            _highWater = Math.Max(_highWater, seq);
            return new SeqOutcome(Duplicate: false, gap, _highWater);
        }
    }
}
