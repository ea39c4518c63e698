namespace Agent.Core.Link;

/// <summary>The control plane turned the agent away: with a close code, or an HTTP status on the upgrade.</summary>
internal sealed class ControlPlaneRefusedException : Exception
{
    public ControlPlaneRefusedException(int closeCode, string reason)
        : base(reason)
    {
        CloseCode = closeCode;
    }

    public ControlPlaneRefusedException()
    {
    }

    public ControlPlaneRefusedException(string message)
        : base(message)
    {
    }

    public ControlPlaneRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int CloseCode { get; }
}
