namespace Agent.Sandbox.Argo.Errors;

/// <summary>
/// A gRPC status error as the Argo Server returns it. The emulator's domain code throws it, and the API filter
/// turns it into <c>{code,message}</c> (unary) or <c>{"error":{…}}</c> (stream) with the mapped HTTP status.
/// </summary>
internal sealed class ArgoApiException(int grpcCode, string message) : Exception(message)
{
    public int GrpcCode { get; } = grpcCode;

    public int HttpStatus => Errors.GrpcCode.ToHttpStatus(GrpcCode);

    public static ArgoApiException InvalidArgument(string message) => new(Errors.GrpcCode.InvalidArgument, message);

    public static ArgoApiException NotFound(string resource, string name) =>
        new(Errors.GrpcCode.NotFound, $"{resource} \"{name}\" not found");

    public static ArgoApiException AlreadyExists(string resource, string name) =>
        new(Errors.GrpcCode.AlreadyExists, $"{resource} \"{name}\" already exists");
}
