using System.Reflection;
using System.Text.RegularExpressions;

namespace Agent.Web.Configuration;

/// <summary>
/// Says a validation failure in the operator's words. The generated validators name an option by its display name,
/// <c>ServerOptions.MetricsPort</c> or <c>IngestionOptions.Resources.MemoryLimit</c>; that is the options type and
/// the property path, so with the type's section it is a configuration key, which <see cref="EnvironmentVariableMap"/>
/// turns into the variable the operator set: <c>METRICS_SERVER_PORT=99999</c>. Secret values are never shown.
/// </summary>
internal sealed partial class SettingNames(IConfiguration? configuration)
{
    /// <summary>The operator's name for a configuration key: the spelling they set, else the first accepted one, else the key.</summary>
    public string Variable(string key)
    {
        var variable = Find(key);
        return variable is null ? key : configuration?[variable.Key + "Variable"] ?? variable.Names[0];
    }

    /// <summary>The variable and, unless it is secret or unprintable, the value it was set to.</summary>
    public string Setting(string key)
    {
        var name = Variable(key);
        var value = Find(key) is { IsSecret: false } ? configuration?[key] : null;
        return value is null || value.Any(char.IsControl) ? name : $"{name}={value}";
    }

    /// <summary>Rewrites the display names of <paramref name="optionsType"/> in <paramref name="message"/> as settings.</summary>
    public string Rewrite(string message, Type optionsType)
    {
        if (optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is not string section)
        {
            return message;
        }

        // The [OptionsValidator] generator ignores ErrorMessage on [Range] and always says "The field <display name>
        // must be between <min> and <max>." (dotnet/runtime#123137), so the range is read from that text.
        var range = OutOfRange().Match(message);
        if (range.Success && range.Groups["type"].Value == optionsType.Name)
        {
            return $"{Setting(Key(section, range.Groups["path"].Value))} is out of range: must be between {range.Groups["min"].Value} and {range.Groups["max"].Value}";
        }

        return DisplayName().Replace(message, name =>
            name.Groups["type"].Value == optionsType.Name ? Setting(Key(section, name.Groups["path"].Value)) : name.Value);
    }

    private static string Key(string section, string path) => $"{section}:{path.Replace('.', ':')}";

    private static EnvironmentVariable? Find(string key) =>
        EnvironmentVariableMap.All.FirstOrDefault(variable => string.Equals(variable.Key, key, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^The field (?<type>\w+)\.(?<path>\w+(?:\.\w+)*) must be between (?<min>.+) and (?<max>.+)\.$", RegexOptions.Singleline)]
    private static partial Regex OutOfRange();

    [GeneratedRegex(@"\b(?<type>\w+Options)\.(?<path>\w+(?:\.\w+)*)")]
    private static partial Regex DisplayName();
}
