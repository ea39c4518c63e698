namespace Agent.Gateway.Store;

/// <summary>Where the gateway keeps its state (<c>GATEWAY_STORE</c>).</summary>
internal enum StoreKind
{
    /// <summary>An embedded SQLite file: one replica.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by several replicas.</summary>
    Postgres,
}
