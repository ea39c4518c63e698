using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Agent.Web.Configuration;

/// <summary>
/// Turns a start-up failure caused by configuration into one line an operator can act on: it names the
/// variable and what is wrong, never a stack trace, and never a secret value.
/// </summary>
public static partial class StartupFailure
{
    public static bool TryDescribe(Exception exception, out string description)
    {
        var problems = Flatten(exception).Select(Describe).OfType<string>().Distinct().ToList();
        description = string.Join("; ", problems);
        return problems.Count > 0;
    }

    private static IEnumerable<Exception> Flatten(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Flatten),
        _ when exception.InnerException is not null && Describe(exception) is null => Flatten(exception.InnerException),
        _ => [exception],
    };

    private static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => string.Join("; ", validation.Failures.Select(failure => MemberPrefix().Replace(failure, string.Empty))),
        InvalidOperationException when ConversionFailure().Match(exception.Message) is { Success: true } match =>
            $"{VariableFor(match.Groups["key"].Value)} must be {Expected(match.Groups["type"].Value)}",
        _ => null,
    };

    /// <summary>The operator's name for a configuration key: the first accepted variable, else the key itself.</summary>
    private static string VariableFor(string key) =>
        EnvironmentVariableMap.All.FirstOrDefault(variable => string.Equals(variable.Key, key, StringComparison.OrdinalIgnoreCase))?.Names[0] ?? key;

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
        "System.TimeSpan" => "a duration such as 00:00:30",
        _ => "a valid " + type.Split('.')[^1],
    };

    // The generated validators prefix each message with the property name; ours already name the variable.
    [GeneratedRegex("^[A-Za-z]+: ")]
    private static partial Regex MemberPrefix();

    // "Failed to convert configuration value 'abc' at 'Server:MetricsPort' to type 'System.Int32'." The value is
    // deliberately not captured: it could be a secret.
    [GeneratedRegex("configuration value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}
