using Agent.Core.Operations;
using Agent.Core.Protocol;

namespace Agent.Tests.Operations;

/// <summary>A handler that counts its calls and answers with <see cref="Answer"/>, or waits for <see cref="Release"/> when blocking.</summary>
internal sealed class FakeOperationHandler(string type, bool block = false) : IOperationHandler
{
    private int _calls;

    public string Type { get; } = type;

    public bool IsReadOnly { get; init; }

    public int Calls => Volatile.Read(ref _calls);

    public Func<Envelope, CancellationToken, Task<OperationResult>> Answer { get; set; } =
        (request, _) => Task.FromResult(new OperationResult(200, RunId: "run-for-" + request.Id));

    /// <summary>Completes when the handler has been entered.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        Entered.TrySetResult();
        if (block)
        {
            await Release.Task.WaitAsync(cancellationToken);
        }

        return await Answer(request, cancellationToken);
    }
}
