using Agent.Core.Identity;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Link;

/// <summary>A fixed <c>hello</c> for <paramref name="identity"/>: no capabilities, no active runs, nothing to wait for.</summary>
internal sealed class FakeHelloProvider(AgentIdentity identity) : IHelloProvider
{
    public HelloPayload Create() => new(
        identity.AgentId, identity.InstanceId, AgentIdentity.Version, [ProtocolVersion.Current], [], new ExecutorInfo("fake", "ingestion"), []);

    public Task<HelloPayload> CreateAsync(CancellationToken cancellationToken) => Task.FromResult(Create());
}
