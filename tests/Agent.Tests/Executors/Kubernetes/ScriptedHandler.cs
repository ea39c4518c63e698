using System.Net;

namespace Agent.Tests.Executors.Kubernetes;

/// <summary>
/// The API server behind the resilience handler: answers each attempt with the next scripted status (the last one
/// repeats), or, with <see cref="Hang"/>, holds the attempt until its token is cancelled.
/// </summary>
internal sealed class ScriptedHandler(params HttpStatusCode[] answers) : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public bool Hang { get; init; }

    /// <summary>The token of the latest attempt: the per-attempt timeout cancels it.</summary>
    public CancellationToken Token { get; private set; }

    /// <summary>Completes once an attempt is in flight (its timeout, if any, is armed by then).</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        Token = cancellationToken;
        Entered.TrySetResult();
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return new HttpResponseMessage(answers[Math.Min(call, answers.Length) - 1]) { RequestMessage = request };
    }
}
