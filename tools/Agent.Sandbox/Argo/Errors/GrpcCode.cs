namespace Agent.Sandbox.Argo.Errors;

/// <summary>
/// The gRPC status codes Argo puts in <c>code</c>, and the HTTP status grpc-gateway v1.16 derives from each
/// (<c>runtime/errors.go</c> <c>HTTPStatusFromCode</c>). Argo's error bodies carry the gRPC code, not the HTTP one.
/// </summary>
internal static class GrpcCode
{
    public const int Canceled = 1;
    public const int Unknown = 2;
    public const int InvalidArgument = 3;
    public const int DeadlineExceeded = 4;
    public const int NotFound = 5;
    public const int AlreadyExists = 6;
    public const int PermissionDenied = 7;
    public const int ResourceExhausted = 8;
    public const int FailedPrecondition = 9;
    public const int Aborted = 10;
    public const int OutOfRange = 11;
    public const int Unimplemented = 12;
    public const int Internal = 13;
    public const int Unavailable = 14;
    public const int DataLoss = 15;
    public const int Unauthenticated = 16;

    public static int ToHttpStatus(int code) => code switch
    {
        0 => StatusCodes.Status200OK,
        Canceled => StatusCodes.Status408RequestTimeout,
        InvalidArgument or FailedPrecondition or OutOfRange => StatusCodes.Status400BadRequest,
        DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        NotFound => StatusCodes.Status404NotFound,
        AlreadyExists or Aborted => StatusCodes.Status409Conflict,
        PermissionDenied => StatusCodes.Status403Forbidden,
        ResourceExhausted => StatusCodes.Status429TooManyRequests,
        Unimplemented => StatusCodes.Status501NotImplemented,
        Unavailable => StatusCodes.Status503ServiceUnavailable,
        Unauthenticated => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status500InternalServerError,
    };
}
