using Microsoft.Extensions.Options;

namespace Agent.Gateway.Routing;

/// <summary>
/// Runs at start-up (ValidateOnStart): the variable must be set and the file must load. The failure text is the
/// loader's message, which already names the file, the entry and the problem.
/// </summary>
internal sealed class AgentsFileOptionsValidator : IValidateOptions<AgentsFileOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentsFileOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail($"{AgentsFileOptions.Variable} is required: the path of the agents file (agents, routes, defaultAgent)");
        }

        try
        {
            AgentsFileLoader.Load(options.Path);
            return ValidateOptionsResult.Success;
        }
        catch (AgentsFileException ex)
        {
            return ValidateOptionsResult.Fail($"{AgentsFileOptions.Variable}: {ex.Message}");
        }
    }
}
