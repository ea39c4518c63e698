using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>Reads a streaming response line by line, each read bounded by <see cref="TestTimeouts.Default"/>.</summary>
internal sealed class StreamLines : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private StreamLines(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response => _response;

    public static async Task<StreamLines> OpenAsync(HttpClient client, string path, bool serverSentEvents)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (serverSentEvents)
        {
            request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new StreamLines(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next raw line, or null once the server has ended the stream.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        return await _reader.ReadLineAsync(timeout.Token);
    }

    /// <summary>The next NDJSON object; fails if the stream ends first.</summary>
    public async Task<JsonObject> ReadObjectAsync()
    {
        var line = await ReadLineAsync();
        Assert.NotNull(line);
        return JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>Reads NDJSON objects until one satisfies <paramref name="predicate"/>.</summary>
    public async Task<JsonObject> ReadUntilAsync(Func<JsonObject, bool> predicate)
    {
        while (true)
        {
            var item = await ReadObjectAsync();
            if (predicate(item))
            {
                return item;
            }
        }
    }

    /// <summary>Reads every remaining line until the server ends the stream.</summary>
    public async Task<List<string>> ReadToEndAsync()
    {
        var lines = new List<string>();
        while (await ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
