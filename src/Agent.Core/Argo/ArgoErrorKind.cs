namespace Agent.Core.Argo;

public enum ArgoErrorKind
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
