using System.Text.RegularExpressions;
using Agent.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Web.Configuration;

/// <summary>
/// Turns a start-up failure caused by configuration into one line an operator can act on: it names the
/// variable and what is wrong, never a stack trace, and never a secret value.
/// </summary>
internal static partial class StartupFailure
{
    public static bool TryDescribe(Exception exception, out string description) => TryDescribe(exception, null, null, out description);

    /// <param name="exception">What stopped the start.</param>
    /// <param name="configuration">The configuration read, when start got that far: it gives the values set.</param>
    /// <param name="ports">The listeners, once the application is built: a port in use is matched to its variable.</param>
    /// <param name="description">One line, the problems joined by "; ".</param>
    public static bool TryDescribe(Exception exception, IConfiguration? configuration, ListenerPorts? ports, out string description)
    {
        var settings = new SettingNames(configuration);
        if (ListenerBindFailure.TryDescribe(exception, ports, kind => settings.Variable(ListenerKey(kind)), out description))
        {
            return true;
        }

        var problems = Flatten(exception, settings).Select(failure => Describe(failure, settings)).OfType<string>().Distinct().ToList();
        description = string.Join("; ", problems);
        return problems.Count > 0;
    }

    private static IEnumerable<Exception> Flatten(Exception exception, SettingNames settings) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(inner => Flatten(inner, settings)),
        _ when exception.InnerException is not null && Describe(exception, settings) is null => Flatten(exception.InnerException, settings),
        _ => [exception],
    };

    private static string? Describe(Exception exception, SettingNames settings) => exception switch
    {
        ExecutorTypeException executorType => executorType.Message,
        OptionsValidationException validation => string.Join("; ", validation.Failures.Select(failure =>
            settings.Rewrite(MemberPrefix().Replace(failure, string.Empty), validation.OptionsType))),
        InvalidOperationException when ConversionFailure().Match(exception.Message) is { Success: true } match =>
            $"{settings.Variable(match.Groups["key"].Value)} must be {Expected(match.Groups["type"].Value)}",
        _ => null,
    };

    private static string ListenerKey(ListenerKind kind) =>
        $"{ServerOptions.SectionName}:{(kind == ListenerKind.Admin ? nameof(ServerOptions.AdminPort) : nameof(ServerOptions.MetricsPort))}";

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
