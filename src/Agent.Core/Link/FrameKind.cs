namespace Agent.Core.Link;

internal enum FrameKind
{
    Text,
    Binary,
    Oversize,
    Close,
}
