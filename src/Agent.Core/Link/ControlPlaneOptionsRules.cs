using Agent.Core.Tls;
using Microsoft.Extensions.Options;

namespace Agent.Core.Link;

/// <summary>The rules annotations cannot say: the URL's shape and scheme, and how the keep-alive values relate.</summary>
internal sealed class ControlPlaneOptionsRules : IValidateOptions<ControlPlaneOptions>
{
    public ValidateOptionsResult Validate(string? name, ControlPlaneOptions options)
    {
        var failures = new List<string>();
        if (ServerUrlRules.Validate(options.ServerUrl, options.AllowInsecureWebSocket, options.ServerHostApiUrl) is { } urlProblem)
        {
            failures.Add(urlProblem);
        }

        if (options.AgentId.Any(char.IsControl) || options.AgentId.Length > 253)
        {
            failures.Add("AGENT_ID must be at most 253 printable characters");
        }

        if (ExtraTrust.Problem("SERVER_CA_BUNDLE_PATH", options.CaBundlePath) is { } bundleProblem)
        {
            failures.Add(bundleProblem);
        }

        if (options.KeepAliveTimeout < options.KeepAliveInterval)
        {
            failures.Add("ControlPlane:KeepAliveTimeout must not be shorter than ControlPlane:KeepAliveInterval");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
