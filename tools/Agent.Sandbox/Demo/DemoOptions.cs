namespace Agent.Sandbox.Demo;

/// <summary>Makes the sandbox start one pipeline run by itself once the named agent connects (section <c>Sandbox:Demo</c>).</summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Sandbox:Demo";

    /// <summary>The agent to run the demo pipeline on; no demo when empty.</summary>
    public string? AgentId { get; set; }

    public string PipelineFqn { get; set; } = "sandbox_mysql.metadata_ingestion";
}
