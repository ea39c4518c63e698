using System.Reflection;

namespace Agent.Core.Link;

/// <summary>Identity of this agent process: <c>instanceId</c> is new at every start (protocol §3).</summary>
public sealed class AgentInstance(TimeProvider timeProvider)
{
    public const string Platform = "Argo";

    public string InstanceId { get; } = Guid.NewGuid().ToString();

    public DateTimeOffset StartedAt { get; } = timeProvider.GetUtcNow();

    public static string Version { get; } =
        typeof(AgentInstance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static string UserAgent => $"hybrid-ingestion-agent/{Version}";

    public TimeSpan Uptime => timeProvider.GetUtcNow() - StartedAt;
}
