using System.Text.Json;

namespace Agent.Core.Protocol;

/// <summary>
/// Reads JSON strings that may hold escapes which are not text. System.Text.Json parses <c>"\ud800"</c> (a lone
/// UTF-16 surrogate) without complaint and throws <see cref="InvalidOperationException"/> only when the string is
/// read; a peer's frame must never reach a reader as an exception, so every envelope string goes through here.
/// </summary>
internal static class JsonText
{
    /// <summary>False when <paramref name="element"/> is a string whose escapes do not decode to UTF-16 text.</summary>
    public static bool TryGetString(JsonElement element, out string? value)
    {
        try
        {
            value = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>False for a string that is not an RFC 3339 time, including one whose escapes are not text.</summary>
    public static bool TryGetDateTimeOffset(JsonElement element, out DateTimeOffset value)
    {
        try
        {
            return element.TryGetDateTimeOffset(out value);
        }
        catch (InvalidOperationException)
        {
            value = default;
            return false;
        }
    }
}
