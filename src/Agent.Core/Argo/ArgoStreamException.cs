using System.Net;
using Agent.Core.Argo.Wire;

namespace Agent.Core.Argo;

/// <summary>An Argo stream ended with an in-band error object (Argo notes §4).</summary>
public sealed class ArgoStreamException : Exception
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

    /// <summary>The watch's resource version is too old (k8s 410, sent as gRPC 3 / HTTP 400): list again, then watch.</summary>
    public bool ResourceVersionTooOld => HttpCode == (int)HttpStatusCode.Gone
        || (GrpcCode == Argo.GrpcCode.InvalidArgument && Message.Contains("too old", StringComparison.OrdinalIgnoreCase));
}
