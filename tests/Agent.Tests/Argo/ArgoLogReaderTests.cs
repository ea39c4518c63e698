using System.Text;
using Agent.Core.Executors.Argo;

namespace Agent.Tests.Argo;

public sealed class ArgoLogReaderTests
{
    [Fact]
    public async Task ReadAsync_SseWithKeepAlivesAndEscapes_HandsOverEachLinesUnescapedContent()
    {
        var stream = Body(
            ": keep-alive",
            """data: {"result":{"content":"plain","podName":"p"}}""",
            "",
            """data: {"result":{"content":"tab\there \"quoted\" \u00e9 \ud83d\ude00","podName":"p"}}""",
            """data: {"result":{"podName":"p"}}""");

        var lines = await ReadAllAsync(stream, "p");

        Assert.Equal(["plain", "tab\there \"quoted\" é 😀", ""], lines);
    }

    [Fact]
    public async Task ReadAsync_LinesOfOtherPods_AreDropped()
    {
        var stream = Body(
            """{"result":{"content":"exit handler","podName":"wf-exit-handler-1"}}""",
            """{"result":{"podName":"wf","content":"mine"}}""",
            """{"result":{"content":"attempt 0","podName":"wf-ingestion-2"}}""");

        Assert.Equal(["mine"], await ReadAllAsync(stream, "wf"));
    }

    [Fact]
    public async Task ReadAsync_InBandError_ThrowsStreamException()
    {
        var stream = Body(
            """{"result":{"content":"a","podName":"p"}}""",
            """{"error":{"grpc_code":5,"http_code":404,"message":"workflow gone","http_status":"Not Found"}}""");

        var error = await Assert.ThrowsAsync<ArgoStreamException>(() => ReadAllAsync(stream, "p"));

        Assert.Equal(404, error.HttpCode);
    }

    [Fact]
    public async Task ReadAsync_SinkStops_ReturnsTrueAndReadsNoFurther()
    {
        var lines = Enumerable.Range(0, 100_000).Select(i => $$$"""{"result":{"content":"line {{{i}}}","podName":"p"}}""").ToArray();
        var stream = Body(lines);
        var seen = 0;

        var stopped = await ArgoLogReader.ReadAsync(stream, "p", _ => ++seen < 10, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        Assert.True(stopped);
        Assert.Equal(10, seen);
        Assert.True(stream.Position < 128 * 1024, $"read {stream.Position} of {stream.Length} bytes");
    }

    [Fact]
    public async Task ReadAsync_LineLongerThanTheReadBuffer_IsDeliveredWhole()
    {
        var content = new string('ü', 300_000);

        Assert.Equal([content], await ReadAllAsync(Body($$$"""{"result":{"content":"{{{content}}}","podName":"p"}}"""), "p"));
    }

    private static MemoryStream Body(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    private static async Task<List<string>> ReadAllAsync(Stream stream, string podName)
    {
        var lines = new List<string>();
        await ArgoLogReader.ReadAsync(
            stream, podName, content => { lines.Add(Encoding.UTF8.GetString(content)); return true; }, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
        return lines;
    }
}
