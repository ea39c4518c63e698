using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary>Checks what a run request carries, naming the field at fault.</summary>
internal static partial class RunRequestValidation
{
    /// <summary>
    /// The largest config that can start, in UTF-8 bytes as the process receives it. Linux refuses an exec whose
    /// single <c>NAME=value</c> string, with its NUL, exceeds MAX_ARG_STRLEN = 32 pages = 131072 bytes
    /// (<c>include/uapi/linux/binfmts.h</c>, <c>fs/exec.c</c>; FIDELITY §5.5), so <c>config=</c> leaves 131064. A bigger
    /// config fails the container with "argument list too long" on every attempt; it is refused up front instead.
    /// </summary>
    public const int MaxConfigBytes = MaxArgStrLen - 1 - 7;

    private const int MaxArgStrLen = 131072;

    public static string? Validate(PipelineInfo pipeline, JsonElement config, string? runId, bool refuseTemplateTags = true)
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

        var configText = ConfigText(config);
        return ConfigSizeProblem("config", configText)
            ?? (refuseTemplateTags ? TemplateTagProblem(("pipeline.fullyQualifiedName", pipeline.FullyQualifiedName), ("runId", runId), ("config", configText)) : null)
            ?? RunIdProblem(runId);
    }

    /// <summary>Refuses a config the kernel would not pass to the process (see <see cref="MaxConfigBytes"/>).</summary>
    public static string? ConfigSizeProblem(string field, string configText)
    {
        // At most 3 UTF-8 bytes per UTF-16 unit, so the cheap count decides most configs without encoding them.
        if (configText.Length <= MaxConfigBytes / 3)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetByteCount(configText);
        return bytes <= MaxConfigBytes
            ? null
            : $"payload field '{field}' is {bytes} bytes (UTF-8), over the limit of {MaxConfigBytes}: the ingestion container receives it as the env string 'config=…', and Linux refuses to start a process with an env string over {MaxArgStrLen} bytes (MAX_ARG_STRLEN)";
    }

    /// <summary>
    /// A run id must be what OpenMetadata generates: a UUID in canonical lower-case form. The ingestion image validates
    /// <c>pipelineRunId</c> as a UUID and fails the run before it writes any status otherwise (FIDELITY §8.2), and it
    /// stores the status under the canonical spelling, so an id in another spelling would be reported under an id
    /// OpenMetadata never stored.
    /// </summary>
    public static string? RunIdProblem(string? runId) => runId is null || IsRunId(runId)
        ? null
        : "payload field 'runId' must be a UUID in canonical lower-case form (8-4-4-4-12 hex digits, e.g. 1b4e28ba-2fa1-11d2-883f-0016d3cca427), as OpenMetadata generates it: the ingestion image refuses any other value, and stores other spellings of a UUID under the canonical one";

    /// <summary>Whether <paramref name="runId"/> has a run id's form (see <see cref="RunIdProblem"/>); a scheduled run's id, its workflow's uid, has it too.</summary>
    public static bool IsRunId(string runId) => CanonicalUuid().IsMatch(runId);

    /// <summary>
    /// Refuses text carrying an Argo template tag that Argo would replace, evaluate or refuse (see
    /// <see cref="ArgoTemplateTags"/>), naming the field and the tag. Argo has no escape for it. Other <c>{{…}}</c> text
    /// passes unchanged.
    /// </summary>
    public static string? TemplateTagProblem(params ReadOnlySpan<(string Field, string? Value)> values)
    {
        foreach (var (field, value) in values)
        {
            if (value is not null && ArgoTemplateTags.FirstActedOn(value) is { } tag)
            {
                return tag.EndsWith("}}", StringComparison.Ordinal)
                    ? $"payload field '{field}' contains '{{{{' in '{Shorten(tag)}', which Argo Workflows reads as its own variable or expression and replaces (or refuses) before the pipeline starts; Argo has no escape for it"
                    : $"payload field '{field}' contains '{{{{' with no '}}}}' after it ('{Shorten(tag)}'), which Argo Workflows would pair with a '}}}}' in the text that follows the field and read as its own variable; Argo has no escape for it";
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

    private static string Shorten(string tag) => tag.Length <= 80 ? tag : tag[..77] + "...";

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalUuid();
}
