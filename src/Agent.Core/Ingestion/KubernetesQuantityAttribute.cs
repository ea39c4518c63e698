using System.ComponentModel.DataAnnotations;

namespace Agent.Core.Ingestion;

/// <summary>
/// A CPU or memory limit or request must be a non-negative Kubernetes quantity (<see cref="KubernetesQuantity"/>).
/// Unset is fine: the container then has no such limit. The message starts with the option's display name, which
/// the start-up failure turns into the operator's variable.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class KubernetesQuantityAttribute : ValidationAttribute
{
    public const string Examples = "e.g. 4Gi, 4G, 512Mi";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ValidationResult.Success;
        }

        var problem = KubernetesQuantity.Judge(text) switch
        {
            KubernetesQuantity.Verdict.NotAQuantity => $"is not a Kubernetes quantity ({Examples})",
            KubernetesQuantity.Verdict.Negative => "must not be negative: Kubernetes refuses a negative limit or request",
            _ => null,
        };
        return problem is null
            ? ValidationResult.Success
            : new ValidationResult($"{validationContext.DisplayName} {problem}", validationContext.MemberName is { } member ? [member] : null);
    }
}
