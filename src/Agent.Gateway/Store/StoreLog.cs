using Agent.Gateway.Hosting;

namespace Agent.Gateway.Store;

/// <summary>The store's log lines (event ids 5300-5399). Never a payload, a reply body or a connection string.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = GatewayEventIds.StoreMigrationApplied, Level = LogLevel.Information, Message = "Store schema migration {Version} ({Name}) applied to {Kind}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, StoreKind kind);

    [LoggerMessage(EventId = GatewayEventIds.StoreListenerListening, Level = LogLevel.Information, Message = "Replica {ReplicaId} listens for forwarded requests on channel {Channel}")]
    public static partial void Listening(ILogger logger, string replicaId, string channel);

    [LoggerMessage(EventId = GatewayEventIds.StoreListenerReconnecting, Level = LogLevel.Warning, Message = "Replica bus listener lost its PostgreSQL connection; reconnecting in {Delay}")]
    public static partial void Reconnecting(ILogger logger, Exception? exception, TimeSpan delay);

    [LoggerMessage(EventId = GatewayEventIds.StoreForwardFailed, Level = LogLevel.Warning, Message = "Forwarded request {RequestId} could not be handled")]
    public static partial void ForwardFailed(ILogger logger, Exception exception, string requestId);
}
