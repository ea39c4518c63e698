namespace Agent.Gateway.Configs;

/// <summary>Reads a service entity from the OpenMetadata REST API (the builder's one outside call; a fake in tests).</summary>
internal interface IOpenMetadataServiceLookup
{
    /// <summary>The service's facts; <see cref="RunConfigException"/> naming the URL and status when OpenMetadata refuses.</summary>
    Task<ServiceFacts> LookupAsync(ServiceLookupRequest request, CancellationToken cancellationToken);
}
