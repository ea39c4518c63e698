using Microsoft.Extensions.Options;
using Npgsql;

namespace Agent.Gateway.Store;

/// <summary>One line per bad setting, naming its variable; never echoes a connection string (it holds a password).</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    private const int MaxReplicaIdLength = 40;

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
