namespace Agent.Sandbox.Argo.Api;

/// <summary>Per-route traits the <see cref="ArgoApiFilter"/> reads from endpoint metadata.</summary>
internal sealed record ArgoEndpointMetadata(bool IsStream, bool SkipsKubernetes)
{
    public static readonly ArgoEndpointMetadata Unary = new(false, false);

    /// <summary>Errors go out as <c>{"error":{…}}</c> chunks, never as the unary <c>{code,message}</c>.</summary>
    public static readonly ArgoEndpointMetadata Stream = new(true, false);

    /// <summary>
    /// <c>/version</c> and <c>/info</c> never call the kube-apiserver, so in client auth mode any Bearer or Basic value
    /// passes; only a missing header is refused.
    /// </summary>
    public static readonly ArgoEndpointMetadata NoKubernetesCall = new(false, true);
}
