using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Agent.Core.Executors.Argo.Wire;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Reads an Argo stream (watch or logs) in either framing the server uses: NDJSON lines, or SSE <c>data: </c>
/// lines with <c>:</c> keep-alive comments. A stream silent for longer than the idle timeout counts as dead,
/// which is why the agent asks for SSE: its keep-alives prove an idle watch is still alive.
/// </summary>
internal static class ArgoStreamReader
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        JsonTypeInfo<StreamLineJson<T>> lineType,
        TimeSpan idleTimeout,
        TimeProvider timeProvider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (true)
        {
            var line = await ArgoStreamIdle.ReadAsync(reader, static (source, token) => source.ReadLineAsync(token), idleTimeout, timeProvider, cancellationToken);
            if (line is null)
            {
                yield break;
            }

            var json = ToJson(line);
            if (json.Length == 0)
            {
                continue;
            }

            var parsed = Parse(json, lineType);
            if (parsed.Error is { } error)
            {
                throw new ArgoStreamException(error);
            }

            if (parsed.Result is { } result)
            {
                yield return result;
            }
        }
    }

    /// <summary>The JSON of one line, or empty for SSE separators and keep-alive comments.</summary>
    private static ReadOnlySpan<char> ToJson(string line)
    {
        var text = line.AsSpan().Trim();
        if (text.IsEmpty || text[0] == ':')
        {
            return [];
        }

        return text.StartsWith("data:", StringComparison.Ordinal) ? text[5..].Trim() : text;
    }

    private static StreamLineJson<T> Parse<T>(ReadOnlySpan<char> json, JsonTypeInfo<StreamLineJson<T>> lineType)
    {
        try
        {
            return JsonSerializer.Deserialize(json, lineType) ?? new StreamLineJson<T>(default, null);
        }
        catch (JsonException ex)
        {
            throw new ArgoException(ArgoErrorKind.Other, "Argo stream carried a line that is not JSON", innerException: ex);
        }
    }
}
