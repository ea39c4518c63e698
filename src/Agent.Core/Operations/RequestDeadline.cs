using System.Text.Json;
using Agent.Core.Protocol;

namespace Agent.Core.Operations;

/// <summary>Reads the optional <c>payload.deadline</c> every request may carry (protocol §4).</summary>
internal static class RequestDeadline
{
    /// <summary>Returns false with a reason when a deadline is present but unreadable.</summary>
    public static bool TryRead(JsonElement payload, out DateTimeOffset? deadline, out string? reason)
    {
        deadline = null;
        reason = null;
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("deadline", out var element)
            || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String && JsonText.TryGetDateTimeOffset(element, out var value))
        {
            deadline = value;
            return true;
        }

        reason = "payload field 'deadline' must be an RFC 3339 timestamp";
        return false;
    }
}
