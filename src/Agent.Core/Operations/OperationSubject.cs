using System.Text.Json;

namespace Agent.Core.Operations;

/// <summary>
/// The pipeline and run a request is about, for the one log line that records the operation (issue 13). Read from the
/// fields protocol §5 carries them in: <c>pipelineFqn</c> (kill, killRun, delete, toggle, status, logs),
/// <c>pipeline.fullyQualifiedName</c> (deploy, run, application), <c>workflow.fullyQualifiedName</c> or its
/// <c>name</c> (automation, as <see cref="Handlers.AutomationRunHandler"/> names the run) and <c>runId</c>. Nothing
/// else of the payload is read: its config holds credentials (bot tokens, connection passwords). A payload that is
/// malformed simply yields nulls, since its request is answered 400 and still gets its line.
/// </summary>
internal readonly record struct OperationSubject(string? PipelineFqn, string? RunId)
{
    public static OperationSubject Of(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        var pipelineFqn = Text(payload, "pipelineFqn")
            ?? Text(Member(payload, "pipeline"), "fullyQualifiedName")
            ?? Text(Member(payload, "workflow"), "fullyQualifiedName")
            ?? Text(Member(payload, "workflow"), "name");
        return new OperationSubject(pipelineFqn, Text(payload, "runId"));
    }

    private static JsonElement Member(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value : default;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
