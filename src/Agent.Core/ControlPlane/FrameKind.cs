namespace Agent.Core.ControlPlane;

public enum FrameKind
{
    Text,
    Binary,
    Oversize,
    Close,
}
