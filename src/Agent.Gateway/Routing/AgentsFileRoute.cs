namespace Agent.Gateway.Routing;

/// <summary>One entry of <c>routes:</c>: a service FQN (exact, or a glob with <c>*</c> and <c>?</c>) and the agent that runs it.</summary>
internal sealed class AgentsFileRoute
{
    public string? Service { get; set; }

    public string? Agent { get; set; }
}
