namespace Agent.Web.Health;

public sealed record HealthCheckResponse(string Status, string? Reason);
