using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>A pipeline as a scripted agent holds it: what was deployed, the config text, and its active runs.</summary>
internal sealed class ScriptedPipeline(PipelineInfo info, string config)
{
    public PipelineInfo Info { get; } = info;

    public string Config { get; } = config;

    public bool Enabled { get; set; } = info.Enabled;

    public List<string> Runs { get; } = [];
}
