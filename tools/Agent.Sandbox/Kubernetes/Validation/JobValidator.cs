using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Validation;
using Agent.Sandbox.Kubernetes.Json;

namespace Agent.Sandbox.Kubernetes.Validation;

/// <summary>
/// batch/v1 Job rules (K8S pkg/apis/batch/validation/validation.go ValidateJob, validateJobSpec,
/// validateGeneratedSelector). The Job strategy copies the Job's name into the generated pod-template labels
/// <c>job-name</c> and <c>batch.kubernetes.io/job-name</c>, so a name over 63 characters fails as a label value
/// (kubernetes/kubernetes#50850); the pod template must restart OnFailure or Never.
/// </summary>
internal static class JobValidator
{
    public static List<FieldError> Validate(JsonObject job)
    {
        var errors = MetadataValidator.Validate(job);
        var name = KubeJson.Name(job);
        if (name.Length > 0)
        {
            errors.AddRange(KubernetesNames.LabelValueErrors(name).Select(m => FieldError.Invalid("spec.template.labels", name, m)));
        }

        errors.AddRange(ValidateSpec(job["spec"], "spec"));
        return errors;
    }

    public static IEnumerable<FieldError> ValidateSpec(JsonNode? spec, string path)
    {
        foreach (var field in (string[])["backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished", "parallelism", "completions"])
        {
            if (KubeJson.LongAt(spec, field) is < 0)
            {
                yield return FieldError.Invalid($"{path}.{field}", spec![field], "must be greater than or equal to 0");
            }
        }

        var template = spec?["template"];
        foreach (var error in MetadataValidator.Labels(template?["metadata"]?["labels"], $"{path}.template.metadata.labels"))
        {
            yield return error;
        }

        var podSpec = template?["spec"];
        foreach (var error in PodSpecValidator.Validate(podSpec, $"{path}.template.spec"))
        {
            yield return error;
        }

        // validateJobSpec: a Job's pods may not restart in place ("Always" or unset is refused).
        if ((KubeJson.StringAt(podSpec, "restartPolicy") ?? "Always") == "Always")
        {
            yield return FieldError.Required($"{path}.template.spec.restartPolicy", "valid values: \"OnFailure\", \"Never\"");
        }
    }
}
