using Agent.Core.Protocol.Messages;

namespace Agent.Core.Link;

/// <summary>Builds the <c>hello</c> each session opens with: who the agent is, what it executes, its active runs.</summary>
internal interface IHelloProvider
{
    Task<HelloPayload> CreateAsync(CancellationToken cancellationToken);
}
