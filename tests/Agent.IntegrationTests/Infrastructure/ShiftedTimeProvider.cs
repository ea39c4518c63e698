namespace Agent.IntegrationTests.Infrastructure;

/// <summary>
/// The system clock moved by <paramref name="shift"/>: an agent started on it behaves as if it started that much later
/// (its instance start and its recovery window move), while its timers and delays still run in real time.
/// </summary>
internal sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + shift;
}
