using Agent.Core.Protocol.Messages;

namespace Agent.Sandbox.ControlPlane;

/// <summary>One <c>run.status</c> as it arrived, in arrival order (<c>GET /sandbox/statuses</c>).</summary>
internal sealed record ReceivedStatus(
    string AgentId, string InstanceId, long? Seq, DateTimeOffset ReceivedAt, RunStatusPayload Status);
