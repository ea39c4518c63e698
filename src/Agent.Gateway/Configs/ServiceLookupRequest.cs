namespace Agent.Gateway.Configs;

/// <summary>
/// One service lookup: the pipeline's <c>service</c> reference (its <c>type</c> and FQN) and the payload's
/// <c>openMetadataServerConnection</c> <c>hostPort</c> and bot token. <see cref="ToString"/> leaves the token out.
/// </summary>
internal sealed record ServiceLookupRequest(string ServiceReferenceType, string ServiceFqn, string HostPort, string BotToken)
{
    public override string ToString() => $"{ServiceReferenceType} {ServiceFqn} at {HostPort}";
}
