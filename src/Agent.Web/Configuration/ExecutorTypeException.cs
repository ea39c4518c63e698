namespace Agent.Web.Configuration;

/// <summary><c>EXECUTOR_TYPE</c> names no executor; the message is the operator's line (<see cref="StartupFailure"/>).</summary>
internal sealed class ExecutorTypeException : Exception
{
    public ExecutorTypeException()
    {
    }

    public ExecutorTypeException(string message)
        : base(message)
    {
    }

    public ExecutorTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
