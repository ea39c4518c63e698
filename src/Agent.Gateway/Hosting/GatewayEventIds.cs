namespace Agent.Gateway.Hosting;

/// <summary>
/// The gateway's log event ids, one range per folder so ids never collide: Hosting 5000-5099, Agents 5100-5199,
/// Airflow 5200-5299, Store 5300-5399, Routing/Configs 5400-5499.
/// </summary>
internal static class GatewayEventIds
{
    public const int StoreMigrationApplied = 5300;
    public const int StoreListenerListening = 5301;
    public const int StoreListenerReconnecting = 5302;
    public const int StoreForwardFailed = 5303;
}
