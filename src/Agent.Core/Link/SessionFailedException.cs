namespace Agent.Core.Link;

/// <summary>Tells the reconnect pipeline that a session ended before it was healthy, so the backoff grows.</summary>
public sealed class SessionFailedException : Exception
{
    public SessionFailedException()
    {
    }

    public SessionFailedException(string message)
        : base(message)
    {
    }

    public SessionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
