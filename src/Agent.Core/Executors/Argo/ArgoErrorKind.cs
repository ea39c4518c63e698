namespace Agent.Core.Executors.Argo;

internal enum ArgoErrorKind
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
