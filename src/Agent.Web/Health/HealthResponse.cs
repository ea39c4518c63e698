namespace Agent.Web.Health;

internal sealed record HealthResponse(string Status, Dictionary<string, HealthCheckResponse> Checks);
