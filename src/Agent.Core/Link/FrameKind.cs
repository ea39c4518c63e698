namespace Agent.Core.Link;

public enum FrameKind
{
    Text,
    Binary,
    Oversize,
    Close,
}
