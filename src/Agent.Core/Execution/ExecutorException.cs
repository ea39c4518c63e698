namespace Agent.Core.Execution;

/// <summary>
/// An executor call failed. Every executor throws only this for a failure of the system it drives (unreachable,
/// refused, not found), so the handlers map failures to result codes without knowing which executor runs.
/// </summary>
internal sealed class ExecutorException : Exception
{
    public ExecutorException(ExecutorErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public ExecutorException()
        : this(ExecutorErrorKind.Other, "executor call failed")
    {
    }

    public ExecutorException(string message)
        : this(ExecutorErrorKind.Other, message)
    {
    }

    public ExecutorException(string message, Exception innerException)
        : this(ExecutorErrorKind.Other, message, innerException)
    {
    }

    public ExecutorErrorKind Kind { get; }
}
