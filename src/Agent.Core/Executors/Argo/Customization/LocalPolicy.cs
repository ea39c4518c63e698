using System.Text.Json.Nodes;

namespace Agent.Core.Executors.Argo.Customization;

/// <summary>
/// The customer's own allow-list (<c>AGENT_POLICY_FILE</c>, YAML): which pipeline types the control plane may run and
/// which images may run them. An image entry ending in <c>*</c> allows every tag of a repository. Without a file,
/// everything local configuration allows is allowed.
/// </summary>
internal sealed class LocalPolicy
{
    private readonly IReadOnlyList<string>? _pipelineTypes;
    private readonly IReadOnlyList<string>? _images;

    private LocalPolicy(IReadOnlyList<string>? pipelineTypes, IReadOnlyList<string>? images)
    {
        _pipelineTypes = pipelineTypes;
        _images = images;
    }

    public static LocalPolicy AllowAll { get; } = new(null, null);

    public static LocalPolicy Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return AllowAll;
        }

        JsonNode? parsed;
        try
        {
            parsed = YamlToJson.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException or InvalidCastException)
        {
            throw new CustomizationException($"AGENT_POLICY_FILE '{path}' cannot be read as YAML: {ex.Message}", ex);
        }

        var document = parsed as JsonObject ?? throw new CustomizationException($"AGENT_POLICY_FILE '{path}' must be a mapping with 'pipelineTypes' and/or 'images' lists");
        return new LocalPolicy(ReadList(document, "pipelineTypes", path), ReadList(document, "images", path));
    }

    /// <summary>Why the run is not allowed, or null when it is.</summary>
    public string? Refusal(string pipelineType, IEnumerable<string> images)
    {
        if (_pipelineTypes is not null && !_pipelineTypes.Contains(pipelineType, StringComparer.Ordinal))
        {
            return $"local policy does not allow pipeline type '{pipelineType}'";
        }

        var refused = _images is null ? null : images.FirstOrDefault(image => !_images.Any(allowed => Allows(allowed, image)));
        return refused is null ? null : $"local policy does not allow image '{refused}'";
    }

    private static bool Allows(string allowed, string image) =>
        allowed.EndsWith('*') ? image.StartsWith(allowed[..^1], StringComparison.Ordinal) : image == allowed;

    private static List<string>? ReadList(JsonObject document, string key, string path)
    {
        if (!document.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        return node is JsonArray list && list.All(item => item is JsonValue)
            ? [.. list.Select(item => item!.ToString())]
            : throw new CustomizationException($"AGENT_POLICY_FILE '{path}': '{key}' must be a list of strings");
    }
}
