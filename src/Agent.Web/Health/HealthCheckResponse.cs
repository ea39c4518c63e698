namespace Agent.Web.Health;

internal sealed record HealthCheckResponse(string Status, string? Reason);
