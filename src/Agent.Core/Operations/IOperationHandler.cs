using Agent.Core.Protocol;

namespace Agent.Core.Operations;

/// <summary>Executes one request type of protocol §5.</summary>
internal interface IOperationHandler
{
    /// <summary>The <c>type</c> this handler answers, from <see cref="MessageTypes"/>.</summary>
    string Type { get; }

    /// <summary>
    /// True when executing changes nothing, so running a repeat again is as good as replaying the first answer; the
    /// dispatcher then need not keep a large answer for replay (see <see cref="ResultCache"/>).
    /// </summary>
    bool IsReadOnly => false;

    Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken);
}
