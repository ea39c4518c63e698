namespace Agent.Core.Executors.Argo;

/// <summary>An Argo Server call failed; <see cref="Kind"/> is decided by HTTP status first, then gRPC code.</summary>
internal sealed class ArgoException : Exception
{
    public ArgoException(ArgoErrorKind kind, string message, int? httpStatus = null, int? grpcCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        HttpStatus = httpStatus;
        GrpcCode = grpcCode;
    }

    public ArgoException()
        : this(ArgoErrorKind.Other, "Argo call failed")
    {
    }

    public ArgoException(string message)
        : this(ArgoErrorKind.Other, message)
    {
    }

    public ArgoException(string message, Exception innerException)
        : this(ArgoErrorKind.Other, message, innerException: innerException)
    {
    }

    public ArgoErrorKind Kind { get; }

    public int? HttpStatus { get; }

    public int? GrpcCode { get; }
}
