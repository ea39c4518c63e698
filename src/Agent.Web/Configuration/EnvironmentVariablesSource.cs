using System.Collections;

namespace Agent.Web.Configuration;

/// <summary>Turns the operators' variables (<see cref="EnvironmentVariableMap"/>) into configuration keys.</summary>
internal sealed class EnvironmentVariablesSource(IDictionary? environment = null) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(environment ?? Environment.GetEnvironmentVariables());

    private sealed class Provider(IDictionary environment) : ConfigurationProvider
    {
        public override void Load()
        {
            foreach (var variable in EnvironmentVariableMap.All)
            {
                var name = variable.Names.FirstOrDefault(name => !string.IsNullOrEmpty(environment[name] as string));
                if (name is null)
                {
                    continue;
                }

                Data[variable.Key] = (string)environment[name]!;
                if (variable.Names.Count > 1)
                {
                    // Lets validation name the spelling the operator actually used.
                    Data[variable.Key + "Variable"] = name;
                }
            }
        }
    }
}
