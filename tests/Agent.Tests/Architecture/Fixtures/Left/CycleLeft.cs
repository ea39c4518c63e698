namespace Agent.Tests.Architecture.Fixtures.Left;

/// <summary>Half of a deliberate namespace cycle, for the dependency test to find.</summary>
internal static class CycleLeft
{
    public static int Depth(int remaining) => remaining <= 0 ? 0 : 1 + Right.CycleRight.Depth(remaining - 1);
}
