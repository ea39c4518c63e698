using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace Agent.IntegrationTests.Protocol;

/// <summary>
/// The JSON Schemas of <c>docs/schemas</c>, as copied next to the test assembly, loaded once into a registry of
/// their own so <c>$ref</c>s between them resolve by <c>$id</c> and nothing is fetched.
/// </summary>
internal static class ProtocolSchemas
{
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";
    public const string IdBase = "https://hybrid-agent.local/protocol/v1/";
    public const string Suffix = ".schema.json";

    private static readonly Lazy<Loaded> Schemas = new(Load);
    private static readonly ConcurrentDictionary<string, JsonSchema> ResultDataSchemas = new(StringComparer.Ordinal);

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "schemas");

    public static string ExamplesDirectory { get; } = Path.Combine(Directory, "examples");

    public static IEnumerable<string> SchemaFiles => System.IO.Directory.EnumerateFiles(Directory, "*" + Suffix).Order(StringComparer.Ordinal);

    /// <summary>Message types that have a schema, taken from the file names.</summary>
    public static IReadOnlyCollection<string> Types => [.. Schemas.Value.ByType.Keys];

    public static bool Has(string type) => Schemas.Value.ByType.ContainsKey(type);

    /// <summary>Validates a whole message against the schema for its <c>type</c>; returns the errors, empty when valid.</summary>
    public static IReadOnlyList<string> Validate(JsonElement message)
    {
        var type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is null || !Schemas.Value.ByType.TryGetValue(type, out var schema))
        {
            return [$"no schema for message type '{type}'"];
        }

        return Evaluate(schema, message);
    }

    /// <summary>Validates the <c>data</c> of an ok result against <c>$defs/resultData</c> of the request type's schema.</summary>
    public static IReadOnlyList<string> ValidateResultData(string requestType, JsonElement data)
    {
        var schema = ResultDataSchemas.GetOrAdd(requestType, type => JsonSchema.FromText(
            $$"""{"$schema": "{{Draft202012}}", "$ref": "{{IdBase}}{{type}}{{Suffix}}#/$defs/resultData"}""", Schemas.Value.Options));
        return Evaluate(schema, data);
    }

    /// <summary>Validates a schema document against the draft 2020-12 meta-schema.</summary>
    public static IReadOnlyList<string> ValidateAgainstMetaSchema(JsonElement schemaDocument) =>
        Evaluate(MetaSchemas.Draft202012, schemaDocument);

    public static IReadOnlyList<string> Evaluate(JsonSchema schema, JsonElement instance)
    {
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return [];
        }

        List<string> errors = [];
        Collect(results, errors);
        return errors.Count > 0 ? errors : ["invalid (no detail reported)"];
    }

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        foreach (var (keyword, message) in results.Errors ?? new Dictionary<string, string>())
        {
            errors.Add($"{results.InstanceLocation} ({keyword} at {results.EvaluationPath}): {message}");
        }

        foreach (var detail in results.Details ?? [])
        {
            Collect(detail, errors);
        }
    }

    private static Loaded Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var byType = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in SchemaFiles)
        {
            var type = Path.GetFileName(file)[..^Suffix.Length];
            byType[type] = JsonSchema.FromText(File.ReadAllText(file), options);
        }

        return new Loaded(byType, options);
    }

    private sealed record Loaded(IReadOnlyDictionary<string, JsonSchema> ByType, BuildOptions Options);
}
