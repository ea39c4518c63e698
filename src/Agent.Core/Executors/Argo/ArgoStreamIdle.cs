namespace Agent.Core.Executors.Argo;

/// <summary>
/// One read of an Argo stream, bounded by the idle timeout: a stream silent for that long counts as dead and fails as
/// <see cref="ArgoErrorKind.Unavailable"/>, so a half-open connection cannot hold a watch or a log read forever. The
/// caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal static class ArgoStreamIdle
{
    public static async ValueTask<TResult> ReadAsync<TSource, TResult>(
        TSource source,
        Func<TSource, CancellationToken, ValueTask<TResult>> read,
        TimeSpan idleTimeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(idleTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, cancellationToken);
        try
        {
            return await read(source, linked.Token);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ArgoException(ArgoErrorKind.Unavailable, $"Argo stream sent nothing for {idleTimeout.TotalSeconds:0} s");
        }
    }
}
