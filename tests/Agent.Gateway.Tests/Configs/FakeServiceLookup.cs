using Agent.Gateway.Configs;

namespace Agent.Gateway.Tests.Configs;

/// <summary>A service lookup that answers one service type and remembers what it was asked.</summary>
internal sealed class FakeServiceLookup(string serviceType = "Mysql", string? ingestionRunner = null) : IOpenMetadataServiceLookup
{
    public List<ServiceLookupRequest> Requests { get; } = [];

    public Task<ServiceFacts> LookupAsync(ServiceLookupRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(new ServiceFacts(serviceType, ingestionRunner));
    }
}
