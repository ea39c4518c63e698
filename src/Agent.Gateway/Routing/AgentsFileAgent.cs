namespace Agent.Gateway.Routing;

/// <summary>One entry of <c>agents:</c>: the agent id and the SHA-256 (hex) of its token.</summary>
internal sealed class AgentsFileAgent
{
    public string? Id { get; set; }

    public string? TokenSha256 { get; set; }
}
