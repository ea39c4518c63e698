using System.Globalization;

namespace Agent.Core.Logs;

/// <summary>
/// How OpenMetadata's log API pages a run's log: chunks just under 1 MiB (1 MiB − 64 KiB) of UTF-8, split only between
/// characters, addressed by an <c>after</c> index; the last page carries no <c>after</c>. The cutting itself is
/// <see cref="LogPageCollector"/>'s, which reads the log as it streams.
/// </summary>
internal static class LogPager
{
    public const int ChunkBytes = 1_048_576 - 65_536;

    /// <summary>Reads <paramref name="text"/> as a page index (<c>after</c>): absent is page 0.</summary>
    public static bool TryParseAfter(string? text, out int after)
    {
        after = 0;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after >= 0);
    }

    /// <summary>The OpenMetadata task key for a pipeline type, under which the log text is returned.</summary>
    public static string TaskKey(string pipelineType) => pipelineType switch
    {
        "profiler" => "profiler_task",
        "autoClassification" => "auto_classification_task",
        "lineage" => "lineage_task",
        "dbt" => "dbt_task",
        "usage" => "usage_task",
        "TestSuite" => "test_suite_task",
        "dataInsight" => "data_insight_task",
        "elasticSearchReindex" => "elasticsearch_reindex_task",
        "application" => "application_task",
        _ => "ingestion_task",
    };
}
