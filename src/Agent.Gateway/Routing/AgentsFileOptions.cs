namespace Agent.Gateway.Routing;

/// <summary>Where the agents file is: <c>GATEWAY_AGENTS_FILE</c>.</summary>
internal sealed class AgentsFileOptions
{
    public const string Variable = "GATEWAY_AGENTS_FILE";

    public string? Path { get; set; }
}
