namespace Agent.Sandbox.Faults;

/// <summary>
/// The fault dice shared by the emulators: holds the current settings, decides per call whether it waits and whether it
/// fails before or after its handler, and counts what it injected. A route is selected when
/// <see cref="FaultOptions.Routes"/> is empty or names it as <c>"{verb} {route}"</c> or just <c>"{route}"</c>.
/// </summary>
internal sealed class FaultEngine<TOptions>
    where TOptions : FaultOptions, new()
{
    private readonly Lock _gate = new();
    private TOptions _options;
    private Random _dice;
    private long _errors;
    private long _lostResponses;
    private long _delayed;

    public FaultEngine(TOptions initial)
    {
        _options = Clone(initial);
        _dice = NewDice(initial.Seed);
    }

    public TOptions Current => Locked(Clone);

    public long Errors => Interlocked.Read(ref _errors);

    public long LostResponses => Interlocked.Read(ref _lostResponses);

    public long Delayed => Interlocked.Read(ref _delayed);

    /// <summary>Reads (or changes, e.g. to use up a counted fault) the settings under the lock; the caller must not keep them.</summary>
    public T Locked<T>(Func<TOptions, T> use)
    {
        lock (_gate)
        {
            return use(_options);
        }
    }

    /// <summary>Replaces every setting at once; a new seed restarts the dice.</summary>
    public void Configure(TOptions options)
    {
        var copy = Clone(options);
        lock (_gate)
        {
            _options = copy;
            _dice = NewDice(copy.Seed);
        }
    }

    public FaultDecision Decide(string verb, string route)
    {
        lock (_gate)
        {
            var options = _options;
            if (options.Routes.Count != 0 && !options.Routes.Exists(r => r == route || r == $"{verb} {route}"))
            {
                return FaultDecision.None;
            }

            var delay = TimeSpan.FromMilliseconds(options.LatencyMs
                + (options.SpikeRate > 0 && _dice.NextDouble() < options.SpikeRate ? options.SpikeMs : 0));
            var failBefore = options.ErrorRate > 0 && _dice.NextDouble() < options.ErrorRate;
            var failAfter = !failBefore && options.LostResponseRate > 0 && _dice.NextDouble() < options.LostResponseRate;
            Count(delay > TimeSpan.Zero, ref _delayed);
            Count(failBefore, ref _errors);
            Count(failAfter, ref _lostResponses);
            return new FaultDecision(delay, failBefore, failAfter);
        }
    }

    public static void Count(bool happened, ref long counter)
    {
        if (happened)
        {
            Interlocked.Increment(ref counter);
        }
    }

    private static TOptions Clone(TOptions options)
    {
        var copy = new TOptions();
        options.CopyTo(copy);
        return copy;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Security", "CA5394:Do not use insecure randomness", Justification = "Test fault dice, seedable on purpose; nothing secret.")]
    private static Random NewDice(int? seed) => seed is { } value ? new Random(value) : new Random();
}
