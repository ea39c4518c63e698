using System.IO.Pipelines;
using System.Text;
using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Argo;

public class ArgoStreamReaderTests
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task ReadAsync_NdjsonLines_YieldsEachResult()
    {
        var lines = await ReadAllAsync("""
            {"result":{"podName":"p1","content":"first"}}
            {"result":{"podName":"p1","content":"second"}}

            """);

        Assert.Equal(["first", "second"], lines.Select(line => line.Content));
        Assert.All(lines, line => Assert.Equal("p1", line.PodName));
    }

    [Fact]
    public async Task ReadAsync_SseWithKeepAlives_YieldsOnlyData()
    {
        var lines = await ReadAllAsync(
            ": keep-alive\n\ndata: {\"result\":{\"podName\":\"p\",\"content\":\"a\"}}\n\n:\n\ndata:{\"result\":{\"podName\":\"p\",\"content\":\"b\"}}\r\n\r\n");

        Assert.Equal(["a", "b"], lines.Select(line => line.Content));
    }

    [Fact]
    public async Task ReadAsync_InBandError_ThrowsStreamExceptionWithCodes()
    {
        var text = """
            {"result":{"podName":"p","content":"a"}}
            {"error":{"grpc_code":8,"http_code":429,"message":"too many requests","http_status":"Too Many Requests"}}
            {"result":{"podName":"p","content":"never"}}
            """;
        var seen = new List<string?>();

        var error = await Assert.ThrowsAsync<ArgoStreamException>(async () =>
        {
            await foreach (var line in Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new FakeTimeProvider(), CancellationToken.None))
            {
                seen.Add(line.Content);
            }
        });

        Assert.Equal(8, error.GrpcCode);
        Assert.Equal(429, error.HttpCode);
        Assert.Contains("too many requests", error.Message, StringComparison.Ordinal);
        Assert.Equal(["a"], seen);
    }

    [Fact]
    public async Task ReadAsync_LineNotJson_ThrowsArgoException()
    {
        var error = await Assert.ThrowsAsync<ArgoException>(() => ReadAllAsync("<html>gateway</html>\n"));

        Assert.Equal(ArgoErrorKind.Other, error.Kind);
    }

    [Fact]
    public async Task ReadAsync_SilentStream_ThrowsUnavailableAfterIdleTimeout()
    {
        var pipe = new Pipe();
        var time = new FakeTimeProvider();
        await using var lines = Read(pipe.Reader.AsStream(), time, CancellationToken.None).GetAsyncEnumerator();

        var next = lines.MoveNextAsync().AsTask();
        time.Advance(IdleTimeout - TimeSpan.FromSeconds(1));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ArgoException>(() => next.WaitAsync(TestTimeouts.Default));
        Assert.Equal(ArgoErrorKind.Unavailable, error.Kind);
        await pipe.Writer.CompleteAsync();
    }

    [Fact]
    public async Task ReadAsync_CallerCancels_ThrowsCancellationNotUnavailable()
    {
        var pipe = new Pipe();
        using var cancel = new CancellationTokenSource();
        await using var lines = Read(pipe.Reader.AsStream(), new FakeTimeProvider(), cancel.Token).GetAsyncEnumerator();

        var next = lines.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(TestTimeouts.Default));
        await pipe.Writer.CompleteAsync();
    }

    private static async Task<List<LogEntryJson>> ReadAllAsync(string text)
    {
        var result = new List<LogEntryJson>();
        await foreach (var line in Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new FakeTimeProvider(), CancellationToken.None))
        {
            result.Add(line);
        }

        return result;
    }

    private static IAsyncEnumerable<LogEntryJson> Read(Stream stream, TimeProvider time, CancellationToken cancellationToken) =>
        ArgoStreamReader.ReadAsync(stream, ArgoJsonContext.Default.StreamLineJsonLogEntryJson, IdleTimeout, time, cancellationToken);
}
