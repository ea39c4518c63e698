using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;
using Microsoft.Extensions.Options;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agent.Core.Ingestion;

/// <summary>
/// Writes the customer's secrets manager (<c>SECRETS_MANAGER</c>) into a run's config, whatever the control plane
/// put there, so its <c>secret:</c> references resolve in the customer's manager. The ingestion image builds its
/// secrets manager from the provider and loader of the OpenMetadata connection it is given (FIDELITY §8.4–§8.5):
/// <c>workflowConfig.openMetadataServerConfig</c> in an ingestion or application workflow config, the top-level
/// <c>openMetadataServerConnection</c> in an automations Workflow or an App. JSON is edited as JSON nodes and YAML
/// through YamlDotNet's representation model, the rest kept as it was; a config with neither connection, or one
/// that does not parse, is left as sent (the ingestion image reports what is wrong with it). Unset, nothing changes.
/// </summary>
internal sealed class SecretsManagerConfig(IOptions<IngestionOptions> options)
{
    private const string ProviderKey = "secretsManagerProvider";
    private const string LoaderKey = "secretsManagerLoader";

    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><paramref name="config"/> with the configured provider and loader, or itself when there is nothing to set.</summary>
    public JsonElement Apply(JsonElement config)
    {
        var provider = options.Value.SecretsManager?.Trim();
        if (string.IsNullOrEmpty(provider) || SecretsManagerProviders.LoaderFor(provider) is not { } loader)
        {
            return config;
        }

        return config.ValueKind switch
        {
            JsonValueKind.Object when EditJson(config.GetRawText(), provider, loader) is { } edited => JsonDocument.Parse(edited).RootElement.Clone(),
            JsonValueKind.String when EditText(config.GetString()!, provider, loader) is { } edited => JsonSerializer.SerializeToElement(edited, ProtocolJsonContext.Default.String),
            _ => config,
        };
    }

    /// <summary>A config sent as text is JSON when it reads as a JSON object, else YAML (of which JSON is a subset).</summary>
    private static string? EditText(string text, string provider, string loader) =>
        (text.TrimStart().StartsWith('{') ? EditJson(text, provider, loader) : null) ?? EditYaml(text, provider, loader);

    private static string? EditJson(string text, string provider, string loader)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(text) as JsonObject;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }

        var connection = root?["workflowConfig"]?["openMetadataServerConfig"] as JsonObject ?? root?["openMetadataServerConnection"] as JsonObject;
        if (connection is null)
        {
            return null;
        }

        connection[ProviderKey] = provider;
        connection[LoaderKey] = loader;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            root!.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string? EditYaml(string text, string provider, string loader)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return null;
        }

        var connection = Child(Child(root, "workflowConfig"), "openMetadataServerConfig") ?? Child(root, "openMetadataServerConnection");
        if (connection is null)
        {
            return null;
        }

        Set(connection, ProviderKey, provider);
        Set(connection, LoaderKey, loader);
        using var writer = new StringWriter();

        // No line folding: long scalars stay on one line, as written.
        stream.Save(new Emitter(writer, 2, int.MaxValue), assignAnchors: false);
        return writer.ToString();
    }

    private static YamlMappingNode? Child(YamlMappingNode? mapping, string key) =>
        mapping?.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode scalar && scalar.Value == key).Value as YamlMappingNode;

    private static void Set(YamlMappingNode mapping, string key, string value)
    {
        var existing = mapping.Children.Keys.FirstOrDefault(node => node is YamlScalarNode scalar && scalar.Value == key);
        mapping.Children[existing ?? new YamlScalarNode(key)] = new YamlScalarNode(value);
    }
}
