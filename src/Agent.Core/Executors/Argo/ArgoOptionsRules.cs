using Agent.Core.Tls;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// The Argo endpoint must be an http(s) URL, and a configured certificate file or token file must exist: a token file
/// that is missing would otherwise send every Argo call without credentials, and Argo would answer 401 to each.
/// </summary>
internal sealed class ArgoOptionsRules : IValidateOptions<ArgoOptions>
{
    public ValidateOptionsResult Validate(string? name, ArgoOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)))
        {
            failures.Add($"PIPELINE_SERVICE_CLIENT_ENDPOINT must be an http:// or https:// URL of the Argo Server (got '{options.Endpoint}')");
        }

        if (ExtraTrust.Problem("ARGO_SERVER_CERTIFICATE_PATH", options.ServerCertificatePath) is { } certificateProblem)
        {
            failures.Add(certificateProblem);
        }

        if (ArgoTokenFile.Problem(options.TokenFile) is { } tokenFileProblem)
        {
            failures.Add(tokenFileProblem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
