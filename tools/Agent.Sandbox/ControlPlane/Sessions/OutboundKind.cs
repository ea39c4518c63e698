namespace Agent.Sandbox.ControlPlane.Sessions;

internal enum OutboundKind
{
    Text,
    Binary,
    Close,
}
