using Agent.Core.Executors.Argo.Generated;
using Microsoft.Kiota.Abstractions;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// The generated client three times over: one on the resilient HTTP client for unary calls (retries, breaker,
/// per-attempt timeout); one on a client without a timeout for streams, which stay open for hours and must never be
/// replayed by a retry handler; and one for health probes, with a timeout only, so a probe neither retries nor
/// counts towards the breaker that guards real operations.
/// </summary>
internal sealed class ArgoApiClients(IRequestAdapter unaryAdapter, IRequestAdapter streamingAdapter, IRequestAdapter probeAdapter)
{
    public ArgoApiClient Unary { get; } = new(unaryAdapter);

    public ArgoApiClient Streaming { get; } = new(streamingAdapter);

    public ArgoApiClient Probe { get; } = new(probeAdapter);

    public IRequestAdapter UnaryAdapter { get; } = unaryAdapter;

    public IRequestAdapter StreamingAdapter { get; } = streamingAdapter;

    public IRequestAdapter ProbeAdapter { get; } = probeAdapter;
}
