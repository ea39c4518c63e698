using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Hosting;

/// <summary>
/// Turns a start-up failure caused by a setting into one line naming the variable, never a stack trace or a value
/// that could be a secret. Program.cs exits with code 2 when this recognises the failure.
/// </summary>
internal static partial class GatewayStartupFailure
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
        _ when Describe(exception) is null && exception.InnerException is not null => Flatten(exception.InnerException),
        _ => [exception],
    };

    private static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => string.Join("; ", validation.Failures),
        InvalidOperationException when ConversionFailure().Match(exception.Message) is { Success: true } match =>
            $"{match.Groups["key"].Value} must be {Expected(match.Groups["type"].Value)}",
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } =>
            // Kestrel's message names the address; the three variables are the only ports the gateway binds.
            $"{exception.Message.TrimEnd('.')}: change GATEWAY_PORT, GATEWAY_METRICS_PORT or GATEWAY_ADMIN_PORT",
        _ => null,
    };

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        _ => "a valid " + type.Split('.')[^1],
    };

    // "Failed to convert configuration value 'abc' at 'GATEWAY_PORT' to type 'System.Int32'." The value is not
    // captured: it could be a secret.
    [GeneratedRegex("configuration value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}
