using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Agent.Core.Protocol;

/// <summary>Turns frames into envelopes and back. Decoding reports bad input as a <see cref="ProtocolError"/>.</summary>
public static class MessageCodec
{
    /// <summary>Deeper JSON than this is refused: no protocol message nests more than a few levels.</summary>
    public const int MaxDepth = 64;

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

    public static DecodeResult Decode(ReadOnlyMemory<byte> frame)
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
            return DecodeEnvelope(document.RootElement);
        }
    }

    private static DecodeResult DecodeEnvelope(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return DecodeResult.Failure($"frame must be a JSON object, not {root.ValueKind}");
        }

        var id = ReadString(root, "id");
        var type = ReadString(root, "type");
        if (string.IsNullOrEmpty(id))
        {
            return DecodeResult.Failure("message has no 'id' string");
        }

        if (string.IsNullOrEmpty(type))
        {
            return DecodeResult.Failure("message has no 'type' string", id);
        }

        if (!TryReadOptionalFields(root, out var seq, out var replyTo, out var ts, out var payload, out var reason))
        {
            return DecodeResult.Failure(reason, id);
        }

        return DecodeResult.Success(new Envelope(type, id, ts, payload, seq, replyTo));
    }

    private static bool TryReadOptionalFields(
        JsonElement root, out long? seq, out string? replyTo, out DateTimeOffset ts, out JsonElement payload, out string reason)
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

            replyTo = replyElement.GetString();
        }

        if (root.TryGetProperty("ts", out var tsElement) && tsElement.ValueKind != JsonValueKind.Null
            && (tsElement.ValueKind != JsonValueKind.String || !tsElement.TryGetDateTimeOffset(out ts)))
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

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
