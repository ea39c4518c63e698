using System.Text;

namespace Agent.Core.Logs;

/// <summary>
/// Pages a run's log the way OpenMetadata's log API does: chunks just under 1 MiB (1 MiB − 64 KiB) of UTF-8, split
/// only between characters, addressed by an <c>after</c> index; the last page carries no <c>after</c>.
/// </summary>
public static class LogPager
{
    public const int ChunkBytes = 1_048_576 - 65_536;

    public static IReadOnlyList<string> Split(string text, int chunkBytes = ChunkBytes)
    {
        var chunks = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(text);
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Math.Min(start + chunkBytes, bytes.Length);

            // Step back off UTF-8 continuation bytes (10xxxxxx) so no character is cut in two.
            while (end < bytes.Length && end > start && (bytes[end] & 0xC0) == 0x80)
            {
                end--;
            }

            chunks.Add(Encoding.UTF8.GetString(bytes, start, end - start));
            start = end;
        }

        return chunks.Count == 0 ? [string.Empty] : chunks;
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
