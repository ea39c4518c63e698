using Agent.Core.Argo.Generated;
using Microsoft.Kiota.Abstractions;

namespace Agent.Core.Argo;

/// <summary>
/// The generated client twice over: one on the resilient HTTP client for unary calls (retries, breaker,
/// per-attempt timeout) and one on a client without a timeout for streams, which stay open for hours and must
/// never be replayed by a retry handler.
/// </summary>
public sealed class ArgoApiClients(IRequestAdapter unaryAdapter, IRequestAdapter streamingAdapter)
{
    public ArgoApiClient Unary { get; } = new(unaryAdapter);

    public ArgoApiClient Streaming { get; } = new(streamingAdapter);

    public IRequestAdapter UnaryAdapter { get; } = unaryAdapter;

    public IRequestAdapter StreamingAdapter { get; } = streamingAdapter;
}
