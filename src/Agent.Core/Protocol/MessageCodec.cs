using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Agent.Core.Protocol;

/// <summary>Turns frames into envelopes and back. Decoding reports bad input as a <see cref="ProtocolError"/>.</summary>
internal static class MessageCodec
{
    /// <summary>Deeper JSON than this is refused: no protocol message nests more than a few levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Default longest <c>id</c> (and <c>replyTo</c>) read, in characters; the agent's own ids are 36-character UUIDs.</summary>
    public const int DefaultMaxIdLength = 128;

    /// <summary>
    /// Longest <c>type</c> read. The protocol's types are under 20 characters; an unknown type is echoed in a 400 answer
    /// and kept with it for the retention period, so its length is bounded like an id's.
    /// </summary>
    public const int MaxTypeLength = 128;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    public static byte[] Encode(Envelope message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, ProtocolJsonContext.Default.Envelope);

    public static Envelope Create<T>(
        string type,
        T payload,
        JsonTypeInfo<T> payloadType,
        DateTimeOffset timestamp,
        long? seq = null,
        string? replyTo = null,
        string? id = null) =>
        new(type, id ?? Guid.NewGuid().ToString(), timestamp, JsonSerializer.SerializeToElement(payload, payloadType), seq, replyTo);

    public static DecodeResult Decode(ReadOnlyMemory<byte> frame) => Decode(frame, DefaultMaxIdLength);

    /// <summary>Decodes one frame; an <c>id</c> or <c>replyTo</c> longer than <paramref name="maxIdLength"/> characters is refused.</summary>
    public static DecodeResult Decode(ReadOnlyMemory<byte> frame, int maxIdLength)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return DecodeResult.Failure($"frame is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            return DecodeEnvelope(document.RootElement, maxIdLength);
        }
    }

    private static DecodeResult DecodeEnvelope(JsonElement root, int maxIdLength)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return DecodeResult.Failure($"frame must be a JSON object, not {root.ValueKind}");
        }

        if (!TryReadIdentifier(root, "id", maxIdLength, out var id, out var idProblem))
        {
            // The id is not echoed: it is missing, unreadable or too long to be worth correlating.
            return DecodeResult.Failure(idProblem);
        }

        if (!TryReadIdentifier(root, "type", MaxTypeLength, out var type, out var typeProblem))
        {
            return DecodeResult.Failure(typeProblem, id);
        }

        if (!TryReadOptionalFields(root, maxIdLength, out var seq, out var replyTo, out var ts, out var payload, out var reason))
        {
            return DecodeResult.Failure(reason, id);
        }

        return DecodeResult.Success(new Envelope(type, id, ts, payload, seq, replyTo));
    }

    /// <summary>Reads a required, non-empty string of text no longer than <paramref name="maxLength"/>.</summary>
    private static bool TryReadIdentifier(
        JsonElement root, string name, int maxLength, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? reason)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            reason = $"message has no '{name}' string";
        }
        else if (!JsonText.TryGetString(element, out var text))
        {
            reason = $"'{name}' is not valid text: it holds an escape that is not a character (a lone UTF-16 surrogate)";
        }
        else if (string.IsNullOrEmpty(text))
        {
            reason = $"message has no '{name}' string";
        }
        else if (text.Length > maxLength)
        {
            reason = $"'{name}' is {text.Length} characters long; the limit is {maxLength}";
        }
        else
        {
            value = text;
            reason = null;
            return true;
        }

        return false;
    }

    private static bool TryReadOptionalFields(
        JsonElement root, int maxIdLength, out long? seq, out string? replyTo, out DateTimeOffset ts, out JsonElement payload, out string reason)
    {
        seq = null;
        replyTo = null;
        ts = default;
        payload = default;
        reason = string.Empty;
        if (root.TryGetProperty("seq", out var seqElement) && seqElement.ValueKind != JsonValueKind.Null)
        {
            if (seqElement.ValueKind != JsonValueKind.Number || !seqElement.TryGetInt64(out var seqValue) || seqValue < 1)
            {
                reason = "'seq' must be a positive integer";
                return false;
            }

            seq = seqValue;
        }

        if (root.TryGetProperty("replyTo", out var replyElement) && replyElement.ValueKind != JsonValueKind.Null)
        {
            if (replyElement.ValueKind != JsonValueKind.String)
            {
                reason = "'replyTo' must be a string";
                return false;
            }

            if (!JsonText.TryGetString(replyElement, out replyTo))
            {
                reason = "'replyTo' is not valid text: it holds an escape that is not a character (a lone UTF-16 surrogate)";
                return false;
            }

            if (replyTo!.Length > maxIdLength)
            {
                reason = $"'replyTo' is {replyTo.Length} characters long; the limit is {maxIdLength}";
                return false;
            }
        }

        if (root.TryGetProperty("ts", out var tsElement) && tsElement.ValueKind != JsonValueKind.Null
            && (tsElement.ValueKind != JsonValueKind.String || !JsonText.TryGetDateTimeOffset(tsElement, out ts)))
        {
            reason = "'ts' must be an RFC 3339 timestamp";
            return false;
        }

        if (!root.TryGetProperty("payload", out var payloadElement) || payloadElement.ValueKind == JsonValueKind.Null)
        {
            payload = EmptyObject;
            return true;
        }

        if (payloadElement.ValueKind != JsonValueKind.Object)
        {
            reason = "'payload' must be a JSON object";
            return false;
        }

        payload = payloadElement.Clone();
        return true;
    }

    private static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
