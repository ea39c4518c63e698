using System.Text.Json.Nodes;

namespace Agent.Sandbox.Kubernetes.Validation;

/// <summary>
/// Secret rules (K8S pkg/apis/core/validation/validation.go ValidateSecret; MaxSecretSize in pkg/apis/core/types.go):
/// data keys are config keys, values are base64, and the decoded values together may hold at most 1 MiB.
/// <c>stringData</c> is merged into <c>data</c> before validation, as the apiserver's conversion does.
/// </summary>
internal static class SecretValidator
{
    public const int MaxSecretSize = 1024 * 1024;

    public static List<FieldError> Validate(JsonObject secret)
    {
        var errors = MetadataValidator.Validate(secret);
        long total = 0;
        foreach (var (key, value) in secret["data"] as JsonObject ?? [])
        {
            try
            {
                total += Convert.FromBase64String(value?.GetValue<string>() ?? "").Length;
            }
            catch (FormatException)
            {
                errors.Add(FieldError.Invalid($"data[{key}]", "<value omitted>", "illegal base64 data"));
            }
        }

        if (total > MaxSecretSize)
        {
            errors.Add(FieldError.TooLong("data", MaxSecretSize));
        }

        return errors;
    }

    /// <summary>Folds <c>stringData</c> into <c>data</c> (stringData wins), as the v1 conversion does before storage.</summary>
    public static void MergeStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            return;
        }

        var data = secret["data"] as JsonObject ?? [];
        secret["data"] = data;
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
        }

        secret.Remove("stringData");
    }
}
