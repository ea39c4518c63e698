using System.Text.Json.Nodes;

namespace Agent.Sandbox.Kubernetes.Validation;

/// <summary>
/// One field error as K8S staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go prints it:
/// <c>&lt;field&gt;: &lt;body&gt;</c>, the body starting with the type's text ("Invalid value", "Required value",
/// "Unsupported value", "Too long"); <see cref="Reason"/> is the cause reason (<c>FieldValueInvalid</c> …).
/// </summary>
internal sealed record FieldError(string Field, string Reason, string Body)
{
    public override string ToString() => $"{Field}: {Body}";

    public static FieldError Invalid(string field, JsonNode? value, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: {Show(value)}: {detail}");

    public static FieldError Invalid(string field, string value, string detail) => Invalid(field, JsonValue.Create(value), detail);

    public static FieldError Required(string field, string detail = "") =>
        new(field, "FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    public static FieldError NotSupported(string field, string value, params string[] supported) =>
        new(field, "FieldValueNotSupported",
            $"Unsupported value: {Argo.Templating.GoStrings.Quote(value)}: supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");

    public static FieldError TooLong(string field, long max) =>
        new(field, "FieldValueTooLong", $"Too long: must have at most {max} bytes");

    // Strings are quoted (%q), numbers printed bare, as errors.go's ErrorBody does.
    private static string Show(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? Argo.Templating.GoStrings.Quote(text) : value?.ToJsonString() ?? "null";
}
