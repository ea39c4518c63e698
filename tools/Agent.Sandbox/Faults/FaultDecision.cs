namespace Agent.Sandbox.Faults;

/// <summary>What the fault filter does to one call: wait, then fail before or after the handler, or pass.</summary>
internal readonly record struct FaultDecision(TimeSpan Delay, bool FailBefore, bool FailAfter)
{
    public static readonly FaultDecision None = new(TimeSpan.Zero, false, false);
}
