namespace Agent.Core.Execution;

/// <summary>What went wrong on the executor's side, as the control plane's result codes tell it apart.</summary>
internal enum ExecutorErrorKind
{
    NotFound,
    AlreadyExists,
    Invalid,
    Unauthorized,
    Forbidden,
    RateLimited,
    Unavailable,
    Other,
}
