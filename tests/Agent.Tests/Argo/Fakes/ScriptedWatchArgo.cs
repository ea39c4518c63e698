using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Tests.Argo.Fakes;

/// <summary>
/// An Argo whose list answers the workflows the test set, and whose every watch plays the next <see cref="ScriptedWatch"/>
/// the test queued (a watch with none queued waits for one). Each list and watch is reported to <see cref="NextCallAsync"/>, so a
/// test follows the watcher call by call instead of guessing when it got somewhere.
/// </summary>
internal sealed class ScriptedWatchArgo : IArgoWorkflowClient
{
    private readonly Lock _gate = new();
    private readonly Channel<ScriptedWatch> _watches = Channel.CreateUnbounded<ScriptedWatch>();
    private readonly Channel<WatcherCall> _calls = Channel.CreateUnbounded<WatcherCall>();
    private IReadOnlyList<ArgoWorkflow> _workflows = [];

    /// <summary>The resource version every list answers with.</summary>
    public string ListVersion { get; set; } = "100";

    public void SetWorkflows(IEnumerable<ArgoWorkflow> workflows)
    {
        lock (_gate)
        {
            _workflows = [.. workflows];
        }
    }

    /// <summary>Queues the script of the next watch the watcher opens.</summary>
    public ScriptedWatch NextWatch()
    {
        var watch = new ScriptedWatch();
        _watches.Writer.TryWrite(watch);
        return watch;
    }

    /// <summary>The next list or watch the watcher makes, in order.</summary>
    public async Task<WatcherCall> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    public Task<WorkflowPage> ListWorkflowsAsync(string labelSelector, CancellationToken cancellationToken)
    {
        _calls.Writer.TryWrite(new WatcherCall("list", null));
        lock (_gate)
        {
            return Task.FromResult(new WorkflowPage(_workflows, ListVersion));
        }
    }

    public async IAsyncEnumerable<WorkflowEvent> WatchWorkflowsAsync(
        string labelSelector, string? resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _calls.Writer.TryWrite(new WatcherCall("watch", resourceVersion));
        await Task.Yield();
        var script = await _watches.Reader.ReadAsync(cancellationToken);
        await foreach (var change in script.Events.ReadAllAsync(cancellationToken))
        {
            yield return change;
        }

        if (script.Error is { } error)
        {
            throw error;
        }
    }

    public Task CreateWorkflowAsync(Workflow workflow, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ArgoWorkflow?> GetWorkflowAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ShutdownWorkflowAsync(string name, ShutdownStrategy strategy, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteWorkflowAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> ReadPodLogAsync(string name, string podName, string container, LogLineSink onLine, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task CheckAccessAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
