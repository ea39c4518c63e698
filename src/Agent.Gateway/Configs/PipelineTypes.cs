namespace Agent.Gateway.Configs;

/// <summary>
/// The <c>pipelineType</c> values the builder handles, spelt as the IngestionPipeline schema's PipelineType enum
/// (note <c>TestSuite</c> and <c>autoClassification</c>).
/// </summary>
internal static class PipelineTypes
{
    public const string Metadata = "metadata";
    public const string Usage = "usage";
    public const string Lineage = "lineage";
    public const string Profiler = "profiler";
    public const string AutoClassification = "autoClassification";
    public const string TestSuite = "TestSuite";
    public const string Dbt = "dbt";
    public const string Application = "application";
}
