using Microsoft.Extensions.Options;

namespace Agent.Core.Ingestion;

/// <summary>The extra-envs list must parse; the reason names the item, never its value.</summary>
public sealed class IngestionOptionsRules : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        if (!ExtraEnvParser.TryParse(options.ExtraEnvs, out _, out var reason))
        {
            return ValidateOptionsResult.Fail($"{options.ExtraEnvsVariable} is malformed: {reason}");
        }

        return ValidateOptionsResult.Success;
    }
}
