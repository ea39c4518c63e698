using Agent.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Routing;

/// <summary>
/// Runs at start-up with the settings' rules: the file <c>GATEWAY_AGENTS_FILE</c> names must load. The failure text is
/// the loader's message, which already names the file, the entry and the problem. An unset variable is the hosting
/// rules' failure, not this one's.
/// </summary>
internal sealed class AgentsFileValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AgentsFile))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            AgentsFileLoader.Load(options.AgentsFile);
            return ValidateOptionsResult.Success;
        }
        catch (AgentsFileException ex)
        {
            return ValidateOptionsResult.Fail($"GATEWAY_AGENTS_FILE: {ex.Message}");
        }
    }
}
