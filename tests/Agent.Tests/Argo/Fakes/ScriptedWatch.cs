using System.Threading.Channels;
using Agent.Core.Executors.Argo;

namespace Agent.Tests.Argo.Fakes;

/// <summary>One watch stream as a test plays it: events sent one by one, then an end, clean or with an error.</summary>
internal sealed class ScriptedWatch
{
    private readonly Channel<WorkflowEvent> _events = Channel.CreateUnbounded<WorkflowEvent>();

    public ChannelReader<WorkflowEvent> Events => _events.Reader;

    public Exception? Error { get; private set; }

    public ScriptedWatch Send(string type, ArgoWorkflow workflow)
    {
        _events.Writer.TryWrite(new WorkflowEvent(type, workflow));
        return this;
    }

    /// <summary>Ends the stream after the events sent so far; with <paramref name="error"/>, the watch throws it.</summary>
    public void End(Exception? error = null)
    {
        Error = error;
        _events.Writer.TryComplete();
    }
}
