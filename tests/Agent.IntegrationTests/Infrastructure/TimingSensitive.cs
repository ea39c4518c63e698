namespace Agent.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that assert on elapsed time (status latency, silence detection, backoff delays) run alone, after the
/// parallel ones, so two busy cores shared with other tests cannot push them past their bounds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing-sensitive";
}
