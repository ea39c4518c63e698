namespace Agent.Core.Operations;

/// <summary>The HTTP-like codes of protocol §5.</summary>
internal static class ResultCodes
{
    public const int Ok = 200;
    public const int BadRequest = 400;
    public const int Forbidden = 403;
    public const int NotFound = 404;
    public const int DeadlinePassed = 408;
    public const int Conflict = 409;
    public const int Busy = 429;
    public const int Unexpected = 500;
    public const int NotImplemented = 501;
    public const int ArgoError = 502;
    public const int ArgoUnreachable = 503;
}
