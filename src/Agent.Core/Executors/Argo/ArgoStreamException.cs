using Agent.Core.Executors.Argo.Wire;

namespace Agent.Core.Executors.Argo;

/// <summary>An Argo stream ended with an in-band error object (Argo notes §4).</summary>
internal sealed class ArgoStreamException : Exception
{
    public ArgoStreamException(StreamErrorJson error)
        : base($"Argo stream ended with error {error.HttpCode} (gRPC {error.GrpcCode}): {error.Message}")
    {
        HttpCode = error.HttpCode;
        GrpcCode = error.GrpcCode;
    }

    public ArgoStreamException()
    {
    }

    public ArgoStreamException(string message)
        : base(message)
    {
    }

    public ArgoStreamException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int HttpCode { get; }

    public int GrpcCode { get; }
}
