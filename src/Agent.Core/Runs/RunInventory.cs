namespace Agent.Core.Runs;

/// <summary>
/// Signals that the run registry has been rebuilt from Argo after a start, so the first <c>hello</c> can list the
/// runs that are really active instead of an empty inventory.
/// </summary>
internal sealed class RunInventory
{
    private readonly TaskCompletionSource _listed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void MarkListed() => _listed.TrySetResult();

    /// <summary>Waits for the first listing, but never longer than <paramref name="timeout"/>: Argo being down must not keep the agent offline.</summary>
    public async Task<bool> WaitListedAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        try
        {
            await _listed.Task.WaitAsync(timeout, timeProvider, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
