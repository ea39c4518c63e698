namespace Agent.Web.Hosting;

internal enum ListenerKind
{
    /// <summary>Metrics, <c>/health</c>, <c>/ready</c>: unauthenticated, nothing else.</summary>
    Infra,

    /// <summary>Admin API and Swagger UI.</summary>
    Admin,
}
