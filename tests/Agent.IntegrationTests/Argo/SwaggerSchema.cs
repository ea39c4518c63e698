using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.IntegrationTests.Argo;

/// <summary>
/// The Argo v4.1.2 Swagger definitions, and a small validator for the parts of Swagger 2.0 schemas they use:
/// <c>$ref</c>, <c>type</c>/<c>format</c>, <c>required</c>, <c>enum</c>, <c>properties</c> (unknown ones are errors),
/// <c>items</c> and <c>additionalProperties</c>. Reads <c>../shared/reference/argo/swagger.json</c> next to the
/// repository when it exists, else the checked-in <c>schema-subset.json</c>.
/// </summary>
internal sealed class SwaggerSchema
{
    private const string DefinitionPrefix = "#/definitions/";

    private readonly JsonObject _definitions;

    private SwaggerSchema(JsonObject definitions, string source)
    {
        _definitions = definitions;
        Source = source;
    }

    public string Source { get; }

    public static SwaggerSchema Load()
    {
        var shared = FindRepositoryRoot() is { } root ? Path.Combine(root, "..", "shared", "reference", "argo", "swagger.json") : null;
        var path = shared is not null && File.Exists(shared) ? shared : Path.Combine(AppContext.BaseDirectory, "Argo", "schema-subset.json");
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return new SwaggerSchema(document["definitions"]!.AsObject(), Path.GetFullPath(path));
    }

    public bool Defines(string definition) => _definitions.ContainsKey(definition);

    public List<string> Validate(JsonNode? value, string definition)
    {
        var errors = new List<string>();
        Check(value, new JsonObject { ["$ref"] = DefinitionPrefix + definition }, "$", errors);
        return errors;
    }

    private void Check(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        if (schema["$ref"] is { } reference)
        {
            var name = ((string)reference!)[DefinitionPrefix.Length..];
            if (_definitions[name] is JsonObject target)
            {
                Check(value, target, path, errors);
            }

            return; // the subset leaves out definitions the agent never sends: anything goes there
        }

        if (value is null)
        {
            return;
        }

        var type = (string?)schema["type"];
        var kind = value.GetValueKind();
        var typeOk = type switch
        {
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "integer" => kind == JsonValueKind.Number && long.TryParse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out _),
            "number" => kind == JsonValueKind.Number,
            _ => true,
        };
        if (!typeOk)
        {
            errors.Add($"{path}: expected {type}, got {kind}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(option => JsonNode.DeepEquals(option, value)))
        {
            errors.Add($"{path}: {value.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }

        if (kind == JsonValueKind.Array && schema["items"] is JsonObject items)
        {
            var array = value.AsArray();
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", errors);
            }
        }

        if (kind == JsonValueKind.Object)
        {
            CheckObject(value.AsObject(), schema, path, errors);
        }
    }

    private void CheckObject(JsonObject value, JsonObject schema, string path, List<string> errors)
    {
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            if (value[(string)required!] is null)
            {
                errors.Add($"{path}: required property '{required}' is missing");
            }
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (name, child) in value)
        {
            if (properties?[name] is JsonObject property)
            {
                Check(child, property, $"{path}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(child, additional, $"{path}.{name}", errors);
            }
            else if (properties is not null)
            {
                errors.Add($"{path}: unknown property '{name}'");
            }
        }
    }

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HybridAgent.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
