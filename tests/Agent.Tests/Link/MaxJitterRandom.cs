namespace Agent.Tests.Link;

/// <summary>A <see cref="Random"/> that always draws just under 1, so full jitter yields its ceiling and delays are predictable.</summary>
internal sealed class MaxJitterRandom : Random
{
    public const double Draw = 0.999;

    public override double NextDouble() => Draw;

    protected override double Sample() => Draw;
}
