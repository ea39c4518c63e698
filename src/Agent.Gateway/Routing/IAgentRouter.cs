namespace Agent.Gateway.Routing;

/// <summary>Which agent runs what: the rule table (service FQN exact or glob → agent id) and the default agent.</summary>
internal interface IAgentRouter
{
    /// <summary>The agent for a pipeline of service <paramref name="serviceFqn"/>, or null with no rule and no default.</summary>
    RouteDecision ForService(string serviceFqn);

    /// <summary>The agent for a test connection: the request's <c>ingestionRunner</c> when it names a known agent, else the service's rule.</summary>
    RouteDecision ForTestConnection(string? ingestionRunner, string? serviceName);
}
