namespace Agent.Web.Hosting;

/// <summary>Endpoint metadata: the endpoint answers only on this listener; elsewhere it does not exist (404).</summary>
internal sealed record RequireListenerMetadata(ListenerKind Kind);
