using Microsoft.Extensions.Options;
using Npgsql;

namespace Agent.Gateway.Store;

/// <summary>One line per bad setting, naming its variable; never echoes a connection string (it holds a password).</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    private const int MaxReplicaIdLength = 40;

    // Claims are refreshed every third of the bound, so it must leave room for a few store round trips.
    private const int MinPresenceTtlSeconds = 3;
    private const int MaxPresenceTtlSeconds = 3600;

    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var failures = new List<string>();
        if (!string.Equals(options.Store, "sqlite", StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(options.Store, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{StoreOptions.StoreVariable} must be 'sqlite' or 'postgres', not '{options.Store}'");
        }
        else if (options.Kind == StoreKind.Postgres)
        {
            ValidatePostgres(options, failures);
        }

        if (options.ReplicaId.Length > MaxReplicaIdLength || !options.ReplicaId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            failures.Add($"{StoreOptions.ReplicaIdVariable} must be 1-{MaxReplicaIdLength} letters, digits, '.', '_' or '-', not '{options.ReplicaId}'");
        }

        if (!int.TryParse(options.PresenceTtlSeconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ttl) ||
            ttl is < MinPresenceTtlSeconds or > MaxPresenceTtlSeconds)
        {
            failures.Add($"{StoreOptions.PresenceTtlVariable} must be a whole number of seconds from {MinPresenceTtlSeconds} to {MaxPresenceTtlSeconds}, not '{options.PresenceTtlSeconds}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePostgres(StoreOptions options, List<string> failures)
    {
        if (options.PostgresConnectionProblem is not null)
        {
            failures.Add(options.PostgresConnectionProblem);
            return;
        }

        if (options.PostgresConnection is null)
        {
            failures.Add($"{StoreOptions.PostgresConnectionVariable} (or {StoreOptions.PostgresConnectionFileVariable}) is required when {StoreOptions.StoreVariable} is postgres");
            return;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.PostgresConnection);
        }
        catch (ArgumentException)
        {
            failures.Add($"{StoreOptions.PostgresConnectionVariable} is not a valid Npgsql connection string");
        }
    }
}
