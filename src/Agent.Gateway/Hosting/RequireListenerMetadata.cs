namespace Agent.Gateway.Hosting;

/// <summary>Endpoint metadata: the endpoint answers only on this listener. An endpoint without it is public.</summary>
internal sealed record RequireListenerMetadata(ListenerKind Kind);
