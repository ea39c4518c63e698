using System.Collections.Concurrent;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>One scripted agent's state: whether it is connected or silent, and the pipelines deployed to it.</summary>
internal sealed class ScriptedAgent(string id)
{
    public string Id { get; } = id;

    public bool Connected { get; set; } = true;

    /// <summary>Connected but never answering: the link reports a timeout after the caller's wait.</summary>
    public bool Silent { get; set; }

    public ConcurrentDictionary<string, ScriptedPipeline> Pipelines { get; } = new(StringComparer.Ordinal);
}
