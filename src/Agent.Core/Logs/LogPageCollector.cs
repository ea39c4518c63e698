using System.Buffers;
using System.Text;

namespace Agent.Core.Logs;

/// <summary>
/// Cuts a log that arrives line by line (each line followed by <c>\n</c>) into exactly the pages a split of the whole
/// text would give: every <see cref="LogPager.ChunkBytes"/> bytes, stepped back so no UTF-8 character is cut in two.
/// It keeps the bytes of the requested page only, counts the pages before it without storing them, and says stop once
/// a byte beyond the page shows that another page follows, so reading a page costs one page of memory whatever the
/// log's size.
/// </summary>
internal sealed class LogPageCollector : IDisposable
{
    private readonly int _page;
    private readonly int _chunkBytes;
    private byte[]? _kept;
    private int _chunk;
    private int _used;

    public LogPageCollector(int page, int chunkBytes = LogPager.ChunkBytes)
    {
        // A UTF-8 character is at most 4 bytes; a smaller chunk could not hold one.
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 4);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        _page = page;
        _chunkBytes = chunkBytes;
    }

    /// <summary>No byte of log has arrived.</summary>
    public bool IsEmpty { get; private set; } = true;

    /// <summary>The log reached the requested page.</summary>
    public bool ReachedPage => !IsEmpty && _chunk >= _page;

    /// <summary>A byte after the requested page was seen: at least one more page exists.</summary>
    public bool HasMore { get; private set; }

    /// <summary>Pages seen so far: the exact count once the log ended before or on the requested page.</summary>
    public int PagesSeen => IsEmpty ? 0 : _chunk + 1;

    /// <summary>The requested page's text (once <see cref="ReachedPage"/>).</summary>
    public string PageText => _kept is null ? string.Empty : Encoding.UTF8.GetString(_kept, 0, _used);

    /// <summary>Takes one line's content (UTF-8, without its newline); false once the page is complete and more follows.</summary>
    public bool Add(ReadOnlySpan<byte> content) => Append(content) && Append("\n"u8);

    public void Dispose()
    {
        if (_kept is not null)
        {
            ArrayPool<byte>.Shared.Return(_kept);
            _kept = null;
        }
    }

    private bool Append(ReadOnlySpan<byte> bytes)
    {
        IsEmpty &= bytes.IsEmpty;
        while (!bytes.IsEmpty)
        {
            var room = _chunkBytes - _used;
            if (bytes.Length <= room)
            {
                Keep(bytes);
                return true;
            }

            // As a split of the whole text: the page ends where the character holding its one-past-last byte starts. A line holds
            // whole characters, so that start is never before this line.
            var cut = room;
            while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
            {
                cut--;
            }

            Keep(bytes[..cut]);
            if (_chunk == _page)
            {
                HasMore = true;
                return false;
            }

            _chunk++;
            _used = 0;
            bytes = bytes[cut..];
        }

        return true;
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_chunk == _page)
        {
            _kept ??= ArrayPool<byte>.Shared.Rent(_chunkBytes);
            bytes.CopyTo(_kept.AsSpan(_used));
        }

        _used += bytes.Length;
    }
}
