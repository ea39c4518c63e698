namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>One entry of <c>status.nodes</c> as the emulated controller keeps it; written out by <see cref="NodeStatusWriter"/>.</summary>
internal sealed class RunNode(string id, string name, string type, string templateName)
{
    public const string PodType = "Pod";
    public const string RetryType = "Retry";

    public string Id { get; } = id;

    public string Name { get; } = name;

    public string Type { get; } = type;

    public string TemplateName { get; } = templateName;

    public string Phase { get; set; } = NodePhase.Pending;

    public string? Message { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public List<string> Children { get; } = [];

    /// <summary>Set on Pod nodes once the pod is scheduled.</summary>
    public string? HostNodeName { get; set; }

    public int? ExitCode { get; set; }

    /// <summary>Argo's <c>nodeFlag</c>: <c>hooked</c> for the exit handler, <c>retried</c> for a retry attempt.</summary>
    public string? Flag { get; init; }

    public bool Fulfilled => NodePhase.IsFulfilled(Phase);

    public void End(string phase, string? message, DateTimeOffset now)
    {
        Phase = phase;
        Message = message;
        FinishedAt = now;
    }
}
