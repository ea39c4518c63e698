namespace Agent.Sandbox.ControlPlane;

/// <summary>A submitted request and which of its answers belongs to this submission.</summary>
internal readonly record struct RequestTicket(PendingRequest Request, int AnswerOrdinal)
{
    public string Id => Request.Id;

    public Task<ReceivedResult> WaitAsync(CancellationToken cancellationToken) =>
        Request.WaitForAnswerAsync(AnswerOrdinal, cancellationToken);
}
