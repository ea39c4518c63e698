using System.Buffers;
using System.Text.Json;
using Agent.Core.Executors.Argo.Wire;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Parses one line of Argo's log stream, <c>{"result":{"content":"…","podName":"…"}}</c> or the in-band
/// <c>{"error":…}</c> (FIDELITY §4.3, Argo notes §4), straight from its UTF-8 bytes. Lines of other pods are dropped:
/// the request names one pod, and a server that ignored <c>podName</c> would otherwise mix in the exit handler.
/// </summary>
internal sealed class ArgoLogLine(byte[] podName) : IDisposable
{
    private byte[] _unescaped = [];

    /// <summary>Hands the line's content to <paramref name="onLine"/>; returns what it returned, or true for a line without content.</summary>
    public bool Deliver(ReadOnlySpan<byte> raw, LogLineSink onLine)
    {
        var json = Frame(raw);
        return json.IsEmpty || !TryReadContent(json, out var content) || onLine(content);
    }

    public void Dispose()
    {
        if (_unescaped.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_unescaped);
        }
    }

    /// <summary>The JSON of a line, or empty for SSE separators and <c>:</c> keep-alive comments.</summary>
    private static ReadOnlySpan<byte> Frame(ReadOnlySpan<byte> raw)
    {
        var text = raw.Trim(" \t\r"u8);
        if (text.IsEmpty || text[0] == (byte)':')
        {
            return [];
        }

        return text.StartsWith("data:"u8) ? text[5..].Trim(" \t"u8) : text;
    }

    private bool TryReadContent(ReadOnlySpan<byte> json, out ReadOnlySpan<byte> content)
    {
        var found = new Content(true, 0, 0, false);
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    throw StreamError(json);
                }

                var isResult = reader.ValueTextEquals("result"u8);
                reader.Read();
                if (isResult && reader.TokenType == JsonTokenType.StartObject)
                {
                    found = ReadResult(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            throw new ArgoException(ArgoErrorKind.Other, "Argo stream carried a line that is not JSON", innerException: ex);
        }

        content = found.Unescaped ? _unescaped.AsSpan(0, found.Length) : json.Slice(found.Start, found.Length);
        return found.Ours;
    }

    /// <summary>Reads <c>result</c>. An empty line has no <c>content</c> (omitempty), so it stays empty.</summary>
    private Content ReadResult(ref Utf8JsonReader reader)
    {
        var found = new Content(true, 0, 0, false);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isContent = reader.ValueTextEquals("content"u8);
            var isPod = !isContent && reader.ValueTextEquals("podName"u8);
            reader.Read();
            if (isContent && reader.TokenType == JsonTokenType.String)
            {
                found = Locate(ref reader) with { Ours = found.Ours };
            }
            else if (isPod && reader.TokenType == JsonTokenType.String)
            {
                found = found with { Ours = reader.ValueTextEquals(podName) };
            }
            else
            {
                reader.Skip();
            }
        }

        return found;
    }

    /// <summary>Where the string value is: in the line itself (past its opening quote), or unescaped into the scratch buffer.</summary>
    private Content Locate(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return new Content(true, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, false);
        }

        // Unescaping never lengthens a string, so the escaped length is enough room.
        if (_unescaped.Length < reader.ValueSpan.Length)
        {
            Dispose();
            _unescaped = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        }

        return new Content(true, 0, reader.CopyString(_unescaped), true);
    }

    private static ArgoStreamException StreamError(ReadOnlySpan<byte> json)
    {
        var line = JsonSerializer.Deserialize(json, ArgoJsonContext.Default.StreamLineJsonLogEntryJson);
        return new ArgoStreamException(line?.Error ?? new StreamErrorJson(2, 500, "Argo stream reported an error", null));
    }

    private readonly record struct Content(bool Ours, int Start, int Length, bool Unescaped);
}
