using Agent.Core.Operations;
using Agent.Core.Protocol;

namespace Agent.Tests.Link;

/// <summary>A handler that runs until the test opens its gate, and counts how often it was executed.</summary>
internal sealed class GatedOperationHandler : IOperationHandler
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _executions;

    public string Type => "test.gated";

    public int Executions => Volatile.Read(ref _executions);

    public void Open() => _gate.TrySetResult();

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _executions);
        await _gate.Task.WaitAsync(cancellationToken);
        return new OperationResult(ResultCodes.Ok, null);
    }
}
