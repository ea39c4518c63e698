using System.Reflection;

namespace Agent.Core.Identity;

/// <summary>
/// Who this agent is: its id (<c>AGENT_ID</c>), which assigns pipelines and labels its workflows; the <c>instanceId</c>,
/// new at every start (protocol §3); and its version. Every part reads the agent id here rather than from the
/// control-plane options it is configured in, so reading it needs no knowledge of the link.
/// </summary>
internal sealed class AgentIdentity(string agentId, TimeProvider timeProvider)
{
    /// <summary>The <c>platform</c> of every <c>result</c> and of <c>service.status</c>.</summary>
    public const string Platform = "Argo";

    public string AgentId { get; } = agentId;

    public string InstanceId { get; } = Guid.NewGuid().ToString();

    public DateTimeOffset StartedAt { get; } = timeProvider.GetUtcNow();

    /// <summary>The build's version, the same for every instance; static so answers built without an identity can say it.</summary>
    public static string Version { get; } =
        typeof(AgentIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static string UserAgent => $"hybrid-ingestion-agent/{Version}";

    public TimeSpan Uptime => timeProvider.GetUtcNow() - StartedAt;
}
