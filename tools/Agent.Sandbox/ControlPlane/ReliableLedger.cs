namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// Which reliable <c>seq</c>s of one agent instance were processed. Seqs are numbered per agent process, so the
/// ledger is keyed by <c>instanceId</c> and survives reconnects; it tracks a contiguous floor plus the sparse
/// seqs above it, so a seq that fills a gap is still processed once while a resend is not.
/// </summary>
internal sealed class ReliableLedger
{
    private readonly Lock gate = new();
    private readonly SortedSet<long> aboveFloor = [];
    private long floor;
    private long highWater;

    /// <summary>The highest seq processed so far: the cumulative ack and the <c>welcome.ackedSeq</c>.</summary>
    public long HighWater
    {
        get
        {
            lock (gate)
            {
                return highWater;
            }
        }
    }

    public SeqOutcome Process(long seq)
    {
        lock (gate)
        {
            if (seq <= floor || aboveFloor.Contains(seq))
            {
                return new SeqOutcome(Duplicate: true, Gap: false, highWater);
            }

            var gap = seq > highWater + 1;
            aboveFloor.Add(seq);
            while (aboveFloor.Remove(floor + 1))
            {
                floor++;
            }

            highWater = Math.Max(highWater, seq);
            return new SeqOutcome(Duplicate: false, gap, highWater);
        }
    }
}
