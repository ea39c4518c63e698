using System.Text;
using Agent.Core.Logs;

namespace Agent.Tests.Logs;

/// <summary>
/// The pages of a whole log text, cut at <see cref="LogPager.ChunkBytes"/> and stepped back off UTF-8 continuation
/// bytes so no character is cut in two: the plain definition the streaming <see cref="LogPageCollector"/> must match.
/// </summary>
internal static class WholeTextPager
{
    public static IReadOnlyList<string> Split(string text, int chunkBytes = LogPager.ChunkBytes)
    {
        var chunks = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(text);
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Math.Min(start + chunkBytes, bytes.Length);
            while (end < bytes.Length && end > start && (bytes[end] & 0xC0) == 0x80)
            {
                end--;
            }

            chunks.Add(Encoding.UTF8.GetString(bytes, start, end - start));
            start = end;
        }

        return chunks.Count == 0 ? [string.Empty] : chunks;
    }
}
