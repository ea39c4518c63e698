using System.Text;
using Agent.Core.Logs;

namespace Agent.Tests.Logs;

/// <summary>The streaming pager cuts exactly the pages <see cref="WholeTextPager.Split"/> cuts from the whole text.</summary>
public sealed class LogPageCollectorTests
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 5)]
    [InlineData(3, 7)]
    [InlineData(4, 64)]
    [InlineData(5, 1_000)]
    public void Add_RandomMultiByteText_GivesTheSamePagesAsSplit(int seed, int chunkBytes)
    {
        var random = new Random(seed);
        var lines = Enumerable.Range(0, 200).Select(_ => RandomText.Line(random, 40)).ToList();
        var expected = WholeTextPager.Split(string.Concat(lines.Select(line => line + "\n")), chunkBytes);

        for (var page = 0; page < expected.Count; page++)
        {
            using var collector = Collect(lines, page, chunkBytes, out var stopped);

            Assert.True(collector.ReachedPage);
            Assert.Equal(expected[page], collector.PageText);
            Assert.Equal(page < expected.Count - 1, collector.HasMore);
            Assert.Equal(collector.HasMore, stopped);
            if (!collector.HasMore)
            {
                Assert.Equal(expected.Count, collector.PagesSeen);
            }
        }
    }

    [Fact]
    public void Add_PageBeyondTheLog_CountsThePagesExactly()
    {
        var lines = Enumerable.Repeat("0123456789", 25).ToList();
        var expected = WholeTextPager.Split(string.Concat(lines.Select(line => line + "\n")), 100);

        using var collector = Collect(lines, expected.Count + 3, 100, out var stopped);

        Assert.False(stopped);
        Assert.False(collector.ReachedPage);
        Assert.Equal(expected.Count, collector.PagesSeen);
    }

    [Fact]
    public void Add_LogEndingExactlyAtAPageBorder_HasNoEmptyLastPage()
    {
        // Ten lines of 9 characters and a newline: exactly one 100-byte page.
        var lines = Enumerable.Repeat("abcdefghi", 10).ToList();

        using var collector = Collect(lines, 0, 100, out var stopped);

        Assert.False(stopped);
        Assert.False(collector.HasMore);
        Assert.Equal(1, collector.PagesSeen);
        Assert.Equal(WholeTextPager.Split(string.Concat(lines.Select(line => line + "\n")), 100), [collector.PageText]);
    }

    private static LogPageCollector Collect(IEnumerable<string> lines, int page, int chunkBytes, out bool stopped)
    {
        var collector = new LogPageCollector(page, chunkBytes);
        stopped = false;
        foreach (var line in lines)
        {
            if (!collector.Add(Encoding.UTF8.GetBytes(line)))
            {
                stopped = true;
                break;
            }
        }

        return collector;
    }
}
