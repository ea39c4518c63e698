using Agent.Core.Protocol;

namespace Agent.Core.Operations;

/// <summary>Executes one request type of protocol §5.</summary>
public interface IOperationHandler
{
    /// <summary>The <c>type</c> this handler answers, from <see cref="MessageTypes"/>.</summary>
    string Type { get; }

    Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken);
}
