namespace Agent.Gateway.Configs;

/// <summary>
/// Whether a string can be written as a plain YAML scalar and still be read back as that string. Deliberately narrow:
/// it starts with a letter, holds only letters, digits and <c>_ . / -</c>, and is not one of the words YAML 1.1 reads as
/// a boolean or null. Everything else is quoted, which costs nothing but looks.
/// </summary>
internal static class YamlPlainText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "true", "false", "on", "off", "null",
    };

    public static bool IsSafe(string text) =>
        text.Length > 0
        && char.IsAsciiLetter(text[0])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-')
        && !Reserved.Contains(text);
}
