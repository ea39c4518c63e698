using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Agent.Web.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Configuration;

/// <summary>
/// Every range-checked option, found by reflection so a new one is covered without editing this test, is named at
/// start by the variable an operator sets, with the value, as <c>METRICS_SERVER_PORT=99999 is out of range: …</c>.
/// An option with no entry in <see cref="EnvironmentVariableMap"/> fails here.
/// </summary>
public sealed class RangeMessageTests
{
    private static readonly Assembly[] OptionAssemblies = [typeof(Agent.Core.Executors.Argo.ArgoOptions).Assembly, typeof(StartupFailure).Assembly];

    public static TheoryData<Type, string> RangeOptions
    {
        get
        {
            var data = new TheoryData<Type, string>();
            foreach (var type in OptionAssemblies.SelectMany(assembly => assembly.GetTypes()).Where(type => SectionOf(type) is not null))
            {
                foreach (var property in type.GetProperties().Where(property => property.GetCustomAttribute<RangeAttribute>() is not null))
                {
                    data.Add(type, property.Name);
                }
            }

            return data;
        }
    }

    [Fact]
    public void RangeOptions_AreFound() => Assert.True(RangeOptions.Count >= 21, $"only {RangeOptions.Count} range-checked options found");

    [Theory]
    [MemberData(nameof(RangeOptions))]
    public void TryDescribe_OutOfRange_NamesTheVariableAndValue(Type optionsType, string propertyName)
    {
        var property = optionsType.GetProperty(propertyName)!;
        var range = property.GetCustomAttribute<RangeAttribute>()!;
        var key = $"{SectionOf(optionsType)}:{propertyName}";
        var variable = EnvironmentVariableMap.All.SingleOrDefault(entry => entry.Key == key);
        Assert.True(variable is not null, $"{key} is range-checked but has no entry in EnvironmentVariableMap");
        var options = Activator.CreateInstance(optionsType)!;
        var (belowMinimum, text) = BelowMinimum(property.PropertyType, range.Minimum);
        property.SetValue(options, belowMinimum);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, text)]).Build();

        var failures = Validate(optionsType, options).Where(failure => failure.StartsWith($"{propertyName}: ", StringComparison.Ordinal)).ToList();
        StartupFailure.TryDescribe(new OptionsValidationException(string.Empty, optionsType, failures), configuration, null, out var description);

        Assert.Single(failures);
        Assert.StartsWith($"{variable.Names[0]}={text} is out of range: must be between ", description, StringComparison.Ordinal);
        Assert.DoesNotContain(optionsType.Name, description, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDescribe_OutOfRangeWithoutConfiguration_StillNamesTheVariable()
    {
        var exception = new OptionsValidationException(string.Empty, typeof(Agent.Web.Hosting.ServerOptions),
            ["MetricsPort: The field ServerOptions.MetricsPort must be between 0 and 65535."]);

        StartupFailure.TryDescribe(exception, out var description);

        Assert.Equal("METRICS_SERVER_PORT is out of range: must be between 0 and 65535", description);
    }

    private static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;

    private static (object Value, string Text) BelowMinimum(Type type, object minimum)
    {
        if (type == typeof(TimeSpan))
        {
            var value = TimeSpan.Parse((string)minimum, CultureInfo.InvariantCulture) - TimeSpan.FromMilliseconds(1);
            return (value, value.ToString("c", CultureInfo.InvariantCulture));
        }

        var number = Convert.ToInt64(minimum, CultureInfo.InvariantCulture) - 1;
        return (Convert.ChangeType(number, type, CultureInfo.InvariantCulture), number.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Runs the source-generated validator of the options type, as start-up does.</summary>
    private static IEnumerable<string> Validate(Type optionsType, object options)
    {
        var validatorType = optionsType.Assembly.GetTypes().Single(type =>
            type.GetCustomAttribute<OptionsValidatorAttribute>() is not null
            && type.GetInterfaces().Contains(typeof(IValidateOptions<>).MakeGenericType(optionsType)));
        var validator = Activator.CreateInstance(validatorType)!;
        var result = (ValidateOptionsResult)validatorType.GetMethod("Validate")!.Invoke(validator, [string.Empty, options])!;
        Assert.True(result.Failed);
        return result.Failures!;
    }
}
