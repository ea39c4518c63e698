using System.Text.Json;

namespace Agent.Tests.Argo.Fakes;

/// <summary>
/// One pod's container log, encoded up front as the Argo Server streams it: one
/// <c>{"result":{"content":…,"podName":…}}</c> line per log line (FIDELITY §4.3), so serving it allocates nothing.
/// </summary>
internal sealed class FakePodLog
{
    public FakePodLog(string workflowName, string podName, string container, IEnumerable<string> lines, bool pending = false)
    {
        WorkflowName = workflowName;
        PodName = podName;
        Container = container;
        Pending = pending;
        using var buffer = new MemoryStream();
        var starts = new List<int>();
        foreach (var line in lines)
        {
            starts.Add((int)buffer.Length);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("result");
                if (line.Length > 0)
                {
                    // omitempty in workflow.pb.go: an empty line has no content field.
                    writer.WriteString("content", line);
                }

                writer.WriteString("podName", podName);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        Ndjson = buffer.ToArray();
        LineStarts = [.. starts, Ndjson.Length];
    }

    public string WorkflowName { get; }

    public string PodName { get; }

    public string Container { get; }

    /// <summary>A Pending pod is skipped by the log API (FIDELITY §4.1).</summary>
    public bool Pending { get; }

    public byte[] Ndjson { get; }

    /// <summary>Where each line starts in <see cref="Ndjson"/>, plus its length at the end.</summary>
    public int[] LineStarts { get; }

    public int LineCount => LineStarts.Length - 1;
}
