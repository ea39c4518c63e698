namespace Agent.Gateway.Store;

/// <summary>
/// The store settings as read from the environment. Read once (<see cref="Read"/>) so the random default replica id is
/// drawn once; <see cref="StoreOptionsValidator"/> turns a bad value into a message naming its variable.
/// </summary>
internal sealed class StoreOptions
{
    public const string StoreVariable = "GATEWAY_STORE";
    public const string SqlitePathVariable = "GATEWAY_SQLITE_PATH";
    public const string PostgresConnectionVariable = "GATEWAY_POSTGRES_CONNECTION";
    public const string PostgresConnectionFileVariable = "GATEWAY_POSTGRES_CONNECTION_FILE";
    public const string ReplicaIdVariable = "GATEWAY_REPLICA_ID";
    public const string PresenceTtlVariable = "GATEWAY_PRESENCE_TTL_SECONDS";
    public const string DefaultSqlitePath = "/var/lib/agent-gateway/gateway.db";

    /// <summary>Three of the agents' heartbeat intervals: a replica refreshes its claims every third of this.</summary>
    public const int DefaultPresenceTtlSeconds = 45;

    public string Store { get; set; } = "sqlite";

    public string SqlitePath { get; set; } = DefaultSqlitePath;

    public string? PostgresConnection { get; set; }

    /// <summary>Why the connection string could not be had (both variables set, file unreadable); null when fine.</summary>
    public string? PostgresConnectionProblem { get; set; }

    public string ReplicaId { get; set; } = string.Empty;

    /// <summary>How old a presence claim may get before it counts as absent (its replica crashed or lost the store).</summary>
    public string PresenceTtlSeconds { get; set; } = DefaultPresenceTtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The parsed <see cref="PresenceTtlSeconds"/>; the default when it is not a number (the validator says so).</summary>
    public TimeSpan PresenceTtl => TimeSpan.FromSeconds(
        int.TryParse(PresenceTtlSeconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : DefaultPresenceTtlSeconds);

    public StoreKind Kind => string.Equals(Store, "postgres", StringComparison.OrdinalIgnoreCase) ? StoreKind.Postgres : StoreKind.Sqlite;

    public static StoreOptions Read(IConfiguration configuration)
    {
        var options = new StoreOptions
        {
            Store = NonEmpty(configuration[StoreVariable])?.Trim() ?? "sqlite",
            SqlitePath = NonEmpty(configuration[SqlitePathVariable]) ?? DefaultSqlitePath,
            ReplicaId = NonEmpty(configuration[ReplicaIdVariable])?.Trim() ?? DefaultReplicaId(),
            PresenceTtlSeconds = NonEmpty(configuration[PresenceTtlVariable])?.Trim() ?? DefaultPresenceTtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var inline = NonEmpty(configuration[PostgresConnectionVariable]);
        var file = NonEmpty(configuration[PostgresConnectionFileVariable]);
        if (inline is not null && file is not null)
        {
            options.PostgresConnectionProblem = $"set {PostgresConnectionVariable} or {PostgresConnectionFileVariable}, not both";
        }
        else if (file is not null)
        {
            try
            {
                options.PostgresConnection = File.ReadAllText(file).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                options.PostgresConnectionProblem = $"{PostgresConnectionFileVariable}: cannot read '{file}' ({ex.Message})";
            }
        }
        else
        {
            options.PostgresConnection = inline;
        }

        return options;
    }

    public void CopyTo(StoreOptions target)
    {
        target.Store = Store;
        target.SqlitePath = SqlitePath;
        target.PostgresConnection = PostgresConnection;
        target.PostgresConnectionProblem = PostgresConnectionProblem;
        target.ReplicaId = ReplicaId;
        target.PresenceTtlSeconds = PresenceTtlSeconds;
    }

    // Machine name (the pod name in Kubernetes) plus a short random part, so a restarted pod is a new replica.
    private static string DefaultReplicaId()
    {
        var machine = new string([.. Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-')]);
        if (machine.Length > 32)
        {
            machine = machine[..32];
        }

        return $"{machine}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
