using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Agent.Core.Protocol;

/// <summary>Reads a typed payload, turning a bad one into a reason that names the offending field.</summary>
internal static class PayloadReader
{
    public static bool TryRead<T>(
        JsonElement payload, JsonTypeInfo<T> typeInfo, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? reason)
    {
        try
        {
            value = payload.Deserialize(typeInfo);
            if (value is null)
            {
                reason = "payload is null";
                return false;
            }

            reason = null;
            return true;
        }
        catch (JsonException ex)
        {
            value = default;
            reason = ex.Path is null or "$"
                ? $"invalid payload: {ex.Message}"
                : $"invalid payload field '{ex.Path.TrimStart('$', '.')}': missing, null or of the wrong type";
            return false;
        }
    }
}
