using Agent.Core.Ingestion;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Argo.Customization;

/// <summary>Reads the spec files, the per-type configs and the policy file at start, so a bad one stops the agent with its name and problem.</summary>
internal sealed class CustomizationRules : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        try
        {
            PodCustomization.Load(options);
        }
        catch (CustomizationException ex)
        {
            failures.Add(ex.Message);
        }

        try
        {
            LocalPolicy.Load(options.PolicyFilePath);
        }
        catch (CustomizationException ex)
        {
            failures.Add(ex.Message);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
