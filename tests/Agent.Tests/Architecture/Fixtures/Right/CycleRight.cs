namespace Agent.Tests.Architecture.Fixtures.Right;

/// <summary>The other half of the deliberate namespace cycle.</summary>
internal static class CycleRight
{
    public static int Depth(int remaining) => remaining <= 0 ? 0 : 1 + Left.CycleLeft.Depth(remaining - 1);
}
