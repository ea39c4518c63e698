namespace Agent.Core.Executors.Argo;

/// <summary>
/// The gRPC status codes Argo puts in an error body's <c>code</c> and a stream error's <c>grpc_code</c> (Argo notes §7:
/// the code is gRPC's, not HTTP's). Names and values as grpc-go <c>codes/codes.go</c> defines them, which spells
/// <c>Canceled</c> with one l. Constants rather than an enum: the wire carries any integer, and
/// <see cref="ArgoException.GrpcCode"/> keeps it as sent.
/// </summary>
internal static class GrpcCode
{
    public const int Ok = 0;
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
}
