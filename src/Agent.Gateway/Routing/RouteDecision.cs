namespace Agent.Gateway.Routing;

/// <summary>The chosen agent and the rule that chose it (for logs and errors), or why none was chosen.</summary>
internal sealed record RouteDecision(string? AgentId, string Rule);
