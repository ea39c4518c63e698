using System.Text.Json;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary>Checks what a run request carries, naming the field at fault.</summary>
public static class RunRequestValidation
{
    public const int MaxRunIdLength = 128;

    /// <summary>
    /// The largest config accepted, in bytes as written into the workflow (UTF-8, JSON-escaped). The workflow carries
    /// it twice, in the ingestion and the exit-handler container, and Kubernetes stores no object over 1.5 MiB (etcd's
    /// default request limit), so a bigger config could never start; it is refused up front with a clear reason.
    /// </summary>
    public const int MaxConfigBytes = 640 * 1024;

    public static string? Validate(PipelineInfo pipeline, JsonElement config, string? runId)
    {
        if (string.IsNullOrWhiteSpace(pipeline.FullyQualifiedName))
        {
            return "payload field 'pipeline.fullyQualifiedName' must not be empty";
        }

        if (string.IsNullOrWhiteSpace(pipeline.Name))
        {
            return "payload field 'pipeline.name' must not be empty";
        }

        if (!PipelineTypes.Contains(pipeline.PipelineType))
        {
            return $"payload field 'pipeline.pipelineType' must be one of {string.Join(", ", PipelineTypes)} (got '{pipeline.PipelineType}')";
        }

        if (config.ValueKind is not (JsonValueKind.String or JsonValueKind.Object) || (config.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(config.GetString())))
        {
            return "payload field 'config' must be the ingestion workflow config (YAML or JSON text, or an object)";
        }

        if (runId is not null && (runId.Length is 0 or > MaxRunIdLength || runId.Any(char.IsControl)))
        {
            return $"payload field 'runId' must be 1 to {MaxRunIdLength} printable characters";
        }

        var configText = ConfigText(config);
        return ConfigSizeProblem("config", configText)
            ?? TemplateTagProblem(("pipeline.fullyQualifiedName", pipeline.FullyQualifiedName), ("runId", runId), ("config", configText));
    }

    /// <summary>Refuses a config too big for the workflow to be stored (see <see cref="MaxConfigBytes"/>).</summary>
    public static string? ConfigSizeProblem(string field, string configText)
    {
        // Escaping can only grow the text, so the cheap count decides most configs without encoding them.
        if (configText.Length <= MaxConfigBytes / 6)
        {
            return null;
        }

        var bytes = JsonEncodedText.Encode(configText, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes.Length;
        return bytes <= MaxConfigBytes
            ? null
            : $"payload field '{field}' is {bytes} bytes as written into the workflow, over the limit of {MaxConfigBytes}: the workflow carries it twice and Kubernetes stores no object over 1.5 MiB";
    }

    /// <summary>
    /// Argo Workflows reads <c>{{</c> anywhere in a workflow's templates as the start of a variable or an expression
    /// and replaces it before the pod starts, and it has no escape for it. Text carrying it would reach the
    /// pipeline changed, or be refused by Argo with an error about an unknown variable, so it is refused here,
    /// naming the field.
    /// </summary>
    public static string? TemplateTagProblem(params ReadOnlySpan<(string Field, string? Value)> values)
    {
        foreach (var (field, value) in values)
        {
            if (value?.Contains("{{", StringComparison.Ordinal) == true)
            {
                return $"payload field '{field}' contains '{{{{', which Argo Workflows would read as a template variable and replace before the pipeline starts (Argo has no escape for it)";
            }
        }

        return null;
    }

    /// <summary>The config exactly as the container should receive it.</summary>
    public static string ConfigText(JsonElement config) =>
        config.ValueKind == JsonValueKind.String ? config.GetString()! : config.GetRawText();

    /// <summary>OpenMetadata's pipeline types (its PipelineType enum, policyAgent included); anything else is refused.</summary>
    public static IReadOnlyList<string> PipelineTypes { get; } =
    [
        "metadata", "usage", "lineage", "profiler", "autoClassification", "TestSuite", "dataInsight",
        "elasticSearchReindex", "dbt", "application", "policyAgent",
    ];
}
