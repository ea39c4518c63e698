using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>Checks <see cref="KubernetesOptions"/>; every message names the setting, as the operator wrote it.</summary>
internal sealed class KubernetesOptionsValidator : IValidateOptions<KubernetesOptions>
{
    public ValidateOptionsResult Validate(string? name, KubernetesOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ApiUrl)
            && !(Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            failures.Add($"Kubernetes:ApiUrl must be an absolute http(s) URL (got '{options.ApiUrl}')");
        }

        if (string.IsNullOrWhiteSpace(options.Namespace))
        {
            failures.Add("Kubernetes:Namespace (INGESTION_NAMESPACE) is required");
        }

        Check(failures, options.BackoffLimit >= 0, "Kubernetes:BackoffLimit must be 0 or more");
        Check(failures, options.ActiveDeadlineSeconds > 0, "Kubernetes:ActiveDeadlineSeconds must be more than 0");
        Check(failures, options.TtlSecondsAfterFinished >= 0, "Kubernetes:TtlSecondsAfterFinished must be 0 or more");

        // 0 would never start a scheduled Job: the controller is always some time late (research-16 §1.8).
        Check(failures, options.StartingDeadlineSeconds > 0, "Kubernetes:StartingDeadlineSeconds must be more than 0");
        Check(failures, options.RecoveryWindow >= TimeSpan.Zero && options.RecoveryWindow <= TimeSpan.FromDays(7), "Kubernetes:RecoveryWindow must be between 0 and 7 days");
        Check(failures, options.PollInterval >= TimeSpan.FromMilliseconds(100) && options.PollInterval <= TimeSpan.FromMinutes(10), "Kubernetes:PollInterval must be between 100 ms and 10 minutes");
        Check(failures, options.AttemptTimeout >= TimeSpan.FromSeconds(1) && options.AttemptTimeout <= TimeSpan.FromMinutes(10), "Kubernetes:AttemptTimeout must be between 1 s and 10 minutes");
        Check(failures, options.WatchTimeoutSeconds is >= 1 and <= 3600, "Kubernetes:WatchTimeoutSeconds must be between 1 and 3600");
        if (PipelineTypeConfigsProblem(options.PipelineTypeConfigs) is { } problem)
        {
            failures.Add(problem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, bool ok, string message)
    {
        if (!ok)
        {
            failures.Add(message);
        }
    }

    private static string? PipelineTypeConfigsProblem(string? json)
    {
        try
        {
            _ = PipelineTypeConfigs.Parse(json);
            return null;
        }
        catch (JsonException ex)
        {
            return $"Kubernetes:PipelineTypeConfigs (SIMPLEK8S_PIPELINE_TYPE_CONFIGS) must be a JSON object of objects keyed by pipeline type: {ex.Message}";
        }
    }
}
