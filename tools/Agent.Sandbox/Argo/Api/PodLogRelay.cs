using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Argo.Streaming;

namespace Agent.Sandbox.Argo.Api;

/// <summary>
/// Copies the selected pods' log lines to a stream, one pass per change of the workflow's pods. Lines of different pods
/// are interleaved, one at a time, as Argo's merge of per-pod streams does (FIDELITY §4.4); each pod is read from where
/// the last pass left it, so nothing is sent twice and large (synthetic) logs are never materialized.
/// </summary>
internal static class PodLogRelay
{
    public static async Task RelayAsync(WorkflowPods pods, PodLogFilter filter, bool follow, ArgoStreamWriter writer, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        while (true)
        {
            var view = pods.Snapshot();
            var cursors = view.Pods
                .Where(entry => filter.HasOutput && filter.Streams(entry.Pod, entry.Phase))
                .Select(entry => (entry.Pod, From: positions.GetValueOrDefault(entry.Pod.Uid), To: entry.Pod.MainLog.Count))
                .ToList();
            for (var offset = 0; cursors.Exists(cursor => cursor.From + offset < cursor.To); offset++)
            {
                foreach (var (pod, from, to) in cursors.Where(cursor => cursor.From + offset < cursor.To))
                {
                    await WriteAsync(writer, filter, pod.Name, pod.MainLog.LineAt(from + offset), cancellationToken);
                }
            }

            foreach (var (pod, _, to) in cursors)
            {
                positions[pod.Uid] = to;
            }

            if (!follow || view.Fulfilled)
            {
                return;
            }

            await view.Changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Argo's LogEntry: <c>content</c> and <c>podName</c> are omitempty, so an empty line has no content.</summary>
    private static Task WriteAsync(ArgoStreamWriter writer, PodLogFilter filter, string podName, string line, CancellationToken cancellationToken)
    {
        if (!filter.Keeps(line))
        {
            return Task.CompletedTask;
        }

        var entry = new JsonObject();
        if (line.Length > 0)
        {
            entry["content"] = line;
        }

        entry["podName"] = podName;
        return writer.WriteResultAsync(entry, cancellationToken);
    }
}
