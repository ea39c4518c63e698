using Agent.Sandbox.Argo.Errors;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>Runs a sandbox validator and returns what it answered: null when it accepted, else "code: message".</summary>
internal static class ValidationResult
{
    public static string? Of(Action validate)
    {
        try
        {
            validate();
            return null;
        }
        catch (ArgoApiException exception)
        {
            return $"{exception.GrpcCode}: {exception.Message}";
        }
    }
}
