namespace Agent.Sandbox.ControlPlane;

/// <summary>A welcomed session of an agent, as <see cref="ControlPlaneServer.WaitForAgentAsync"/> reports it.</summary>
internal sealed record AgentConnection(string AgentId, string SessionId, string InstanceId, DateTimeOffset ConnectedAt);
