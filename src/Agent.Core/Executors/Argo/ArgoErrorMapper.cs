using Agent.Core.Connectivity;
using Microsoft.Kiota.Abstractions;
using ArgoError = Agent.Core.Executors.Argo.Generated.Models.Grpc.Gateway.Runtime.Error;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Turns what the Kiota client throws into <see cref="ArgoException"/>. The HTTP status decides first; the
/// gRPC code in the body refines it (Argo's <c>code</c> is gRPC's, not HTTP's: see the Argo notes §7).
/// </summary>
internal static class ArgoErrorMapper
{
    public static ArgoException Map(Exception exception) => exception switch
    {
        ArgoException argo => argo,
        ArgoError error => FromStatus(error.ResponseStatusCode, error.Code, error.MessageEscaped ?? error.Message, error),
        ApiException api => FromStatus(api.ResponseStatusCode, null, api.Message, api),
        HttpRequestException http => new ArgoException(ArgoErrorKind.Unavailable, $"Argo Server unreachable: {FailureCause.Describe(http)}", innerException: http),
        TimeoutException or TaskCanceledException => new ArgoException(ArgoErrorKind.Unavailable, "Argo Server did not answer in time", innerException: exception),
        Polly.CircuitBreaker.BrokenCircuitException => new ArgoException(ArgoErrorKind.Unavailable, "Argo Server calls are paused after repeated failures", innerException: exception),
        _ => new ArgoException(ArgoErrorKind.Other, $"Argo call failed: {exception.Message}", innerException: exception),
    };

    public static ArgoException FromStatus(int httpStatus, int? grpcCode, string message, Exception? inner = null)
    {
        var kind = httpStatus switch
        {
            404 => ArgoErrorKind.NotFound,
            409 when grpcCode is null or GrpcCode.AlreadyExists => ArgoErrorKind.AlreadyExists,
            400 => ArgoErrorKind.Invalid,
            401 => ArgoErrorKind.Unauthorized,
            403 => ArgoErrorKind.Forbidden,
            429 => ArgoErrorKind.RateLimited,
            502 or 503 or 504 => ArgoErrorKind.Unavailable,
            _ => FromGrpc(grpcCode),
        };
        return new ArgoException(kind, $"Argo answered {httpStatus}: {message}", httpStatus, grpcCode, inner);
    }

    private static ArgoErrorKind FromGrpc(int? grpcCode) => grpcCode switch
    {
        GrpcCode.NotFound => ArgoErrorKind.NotFound,
        GrpcCode.AlreadyExists or GrpcCode.Aborted => ArgoErrorKind.AlreadyExists,
        GrpcCode.InvalidArgument or GrpcCode.FailedPrecondition or GrpcCode.OutOfRange => ArgoErrorKind.Invalid,
        GrpcCode.Unauthenticated => ArgoErrorKind.Unauthorized,
        GrpcCode.PermissionDenied => ArgoErrorKind.Forbidden,
        GrpcCode.ResourceExhausted => ArgoErrorKind.RateLimited,
        GrpcCode.Unavailable or GrpcCode.DeadlineExceeded => ArgoErrorKind.Unavailable,
        _ => ArgoErrorKind.Other,
    };
}
