namespace Agent.Gateway.Routing;

/// <summary>
/// The rule table of the agents file: the first rule whose service pattern matches wins, else the default agent.
/// <see cref="RouteDecision.Rule"/> says which rule chose (for logs and error bodies), or why nothing did.
/// </summary>
internal sealed class AgentRouter(AgentDirectory directory) : IAgentRouter
{
    public RouteDecision ForService(string serviceFqn)
    {
        foreach (var rule in directory.Rules)
        {
            if (rule.Service.Matches(serviceFqn))
            {
                return new RouteDecision(rule.AgentId, rule.Describe());
            }
        }

        return directory.DefaultAgent is { } fallback
            ? new RouteDecision(fallback, "defaultAgent")
            : new RouteDecision(null, $"no rule of {directory.FilePath} matches service \"{serviceFqn}\" and it sets no defaultAgent");
    }

    public RouteDecision ForTestConnection(string? ingestionRunner, string? serviceName)
    {
        // TestServiceConnectionRequest.ingestionRunner is a plain runner name (automations/testServiceConnection.json);
        // it wins only when it names an agent of this file, because on OSS it is usually empty or a Collate runner.
        if (ingestionRunner is not null && directory.TokenHashes.ContainsKey(ingestionRunner))
        {
            return new RouteDecision(ingestionRunner, "request.ingestionRunner");
        }

        if (!string.IsNullOrEmpty(serviceName))
        {
            return ForService(serviceName);
        }

        return directory.DefaultAgent is { } fallback
            ? new RouteDecision(fallback, "defaultAgent")
            : new RouteDecision(null, $"the test connection names no service and {directory.FilePath} sets no defaultAgent");
    }
}
