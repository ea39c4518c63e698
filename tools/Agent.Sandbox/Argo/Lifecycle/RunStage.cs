namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>Which part of a workflow the emulated controller is running.</summary>
internal enum RunStage
{
    Entry,
    Exit,
    Done,
}
