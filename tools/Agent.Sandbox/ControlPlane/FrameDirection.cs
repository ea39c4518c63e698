using System.Text.Json.Serialization;

namespace Agent.Sandbox.ControlPlane;

/// <summary>Which way a recorded frame travelled, seen from the control plane.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FrameDirection>))]
internal enum FrameDirection
{
    /// <summary>Sent by the agent, read by the control plane.</summary>
    Received,

    /// <summary>Written by the control plane to the agent.</summary>
    Sent,
}
