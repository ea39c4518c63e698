namespace Agent.Sandbox.OpenMetadata;

/// <summary>Body of <c>POST /sandbox/openmetadata/services</c>.</summary>
/// <param name="Collection">A service collection, e.g. <c>databaseServices</c>.</param>
/// <param name="Name">The service name (its FQN).</param>
/// <param name="ServiceType">The connector type, e.g. <c>Mysql</c>.</param>
/// <param name="IngestionRunner">Optional name of the service's ingestion runner.</param>
internal sealed record RegisterServiceBody(string? Collection, string? Name, string? ServiceType, string? IngestionRunner = null);
