namespace Agent.Tests.Argo.Fakes;

/// <summary>
/// The body of a log response: the selected pods' lines interleaved one by one, as Argo merges its per-pod streams
/// (FIDELITY §4.4), produced only as fast as the client reads and counted as it goes.
/// </summary>
internal sealed class FakeLogStream(IReadOnlyList<FakePodLog> pods, Action<int> served) : Stream
{
    private readonly int[] _nextLine = new int[pods.Count];
    private int _pod;
    private int _offsetInLine;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && NextPodWithLines() is { } pod)
        {
            var line = _nextLine[pod];
            var log = pods[pod];
            var start = log.LineStarts[line] + _offsetInLine;
            var take = Math.Min(log.LineStarts[line + 1] - start, buffer.Length - written);
            log.Ndjson.AsSpan(start, take).CopyTo(buffer[written..]);
            written += take;
            _offsetInLine += take;
            if (start + take == log.LineStarts[line + 1])
            {
                _nextLine[pod]++;
                _offsetInLine = 0;
                _pod = (pod + 1) % pods.Count;
            }
        }

        served(written);
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int? NextPodWithLines()
    {
        for (var tried = 0; tried < pods.Count; tried++)
        {
            var pod = (_pod + tried) % pods.Count;
            if (_nextLine[pod] < pods[pod].LineCount)
            {
                _pod = pod;
                return pod;
            }
        }

        return null;
    }
}
