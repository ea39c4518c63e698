using System.Buffers;
using System.Text;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Reads Argo's log stream (NDJSON or SSE framing, as <see cref="ArgoStreamReader"/>) as bytes, handing each line's
/// content to a sink without making a string of it, and stops as soon as the sink has enough. Memory stays at one
/// read buffer plus the longest line (Argo cuts lines at 1 MiB, FIDELITY §4.3), whatever the log's size.
/// </summary>
internal static class ArgoLogReader
{
    private const int ReadSize = 64 * 1024;

    /// <summary>Reads until the stream ends or <paramref name="onLine"/> returns false; true when it was stopped.</summary>
    public static async Task<bool> ReadAsync(
        Stream stream, string podName, LogLineSink onLine, TimeSpan idleTimeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var line = new ArgoLogLine(Encoding.UTF8.GetBytes(podName));
        var buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
        var filled = 0;
        var scanned = 0;
        try
        {
            while (true)
            {
                if (buffer.Length - filled < ReadSize / 2)
                {
                    buffer = Grow(buffer, filled);
                }

                var read = await ArgoStreamIdle.ReadAsync(
                    (stream, into: buffer.AsMemory(filled)),
                    static (source, token) => source.stream.ReadAsync(source.into, token),
                    idleTimeout,
                    timeProvider,
                    cancellationToken);
                if (read == 0)
                {
                    return filled > 0 && !line.Deliver(buffer.AsSpan(0, filled), onLine);
                }

                filled += read;
                var consumed = 0;
                int newline;
                while ((newline = buffer.AsSpan(scanned, filled - scanned).IndexOf((byte)'\n')) >= 0)
                {
                    var end = scanned + newline;
                    if (!line.Deliver(buffer.AsSpan(consumed, end - consumed), onLine))
                    {
                        return true;
                    }

                    consumed = scanned = end + 1;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                scanned = filled;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            line.Dispose();
        }
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
