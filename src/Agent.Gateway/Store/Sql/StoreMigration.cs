namespace Agent.Gateway.Store.Sql;

/// <summary>One numbered schema step; <see cref="Statements"/> run in order inside the migration transaction.</summary>
internal sealed record StoreMigration(int Version, string Name, IReadOnlyList<string> Statements);
