namespace Agent.Web.Health;

public sealed record HealthResponse(string Status, Dictionary<string, HealthCheckResponse> Checks);
