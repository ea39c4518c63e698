using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Agent.Sandbox.Argo.Image;

/// <summary>
/// <c>yaml.safe_load</c> of the <c>config</c> env var (FIDELITY §8.1). YAML is a superset of JSON, so the JSON configs
/// of automation and application runs load the same way. Mappings come back as string-keyed dictionaries.
/// </summary>
internal static class ConfigDocument
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>The top-level mapping; a <see cref="PythonError"/> when the text is not YAML or not a mapping.</summary>
    public static Dictionary<string, object?> LoadMapping(string text, string model)
    {
        object? document;
        try
        {
            document = Yaml.Deserialize<object?>(text);
        }
        catch (YamlException exception)
        {
            throw new PythonError("yaml.scanner.ScannerError", exception.Message);
        }

        return AsMapping(document) ?? throw new PythonError(
            "pydantic_core._pydantic_core.ValidationError",
            $"1 validation error for {model}\n  Input should be a valid dictionary or instance of {model}");
    }

    public static Dictionary<string, object?>? AsMapping(object? node) => node is IDictionary<object, object?> map
        ? map.ToDictionary(pair => pair.Key.ToString() ?? "", pair => pair.Value, StringComparer.Ordinal)
        : null;

    public static string? StringAt(Dictionary<string, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value?.ToString() : null;
}
