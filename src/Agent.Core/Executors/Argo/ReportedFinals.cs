using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// The finished workflows whose final state this process has already passed to the reporter, so that a relist (or any
/// event of a finished workflow, such as a label change) sends nothing for them, even once the run registry has evicted
/// their runs. Each is 16 bytes: 64 bits of its name's SHA-256 and its <c>finishedAt</c>, so a workflow that finishes
/// again (an <c>argo retry</c>) is news. The set follows Argo: a relist keeps only the workflows listed and a deletion
/// removes one, so it never holds more than Argo itself does (which each list already holds in full). Held in memory
/// only: after a restart, the recovery path decides what is reported again. Used by the watcher's single loop only.
/// </summary>
internal sealed class ReportedFinals
{
    private readonly Dictionary<ulong, long> _finishedAtByName = [];

    public int Count => _finishedAtByName.Count;

    public bool Contains(ArgoWorkflow workflow) =>
        _finishedAtByName.TryGetValue(Key(workflow.Name), out var finishedAt) && finishedAt == FinishedAt(workflow);

    public void Add(ArgoWorkflow workflow) => _finishedAtByName[Key(workflow.Name)] = FinishedAt(workflow);

    public void Remove(string workflowName) => _finishedAtByName.Remove(Key(workflowName));

    /// <summary>Forgets every workflow a list no longer holds: Argo deleted it (its TTL, or someone) while the watch was down.</summary>
    public void KeepOnly(IEnumerable<ArgoWorkflow> listed)
    {
        var keep = listed.Select(workflow => Key(workflow.Name)).ToHashSet();
        foreach (var key in _finishedAtByName.Keys.Where(key => !keep.Contains(key)).ToList())
        {
            _finishedAtByName.Remove(key);
        }
    }

    private static long FinishedAt(ArgoWorkflow workflow) => workflow.FinishedAt?.UtcTicks ?? 0;

    private static ulong Key(string workflowName)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(workflowName), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
