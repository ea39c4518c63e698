using Agent.Core.Execution;
using Microsoft.Kiota.Abstractions;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Turns an Argo failure into the executor-neutral <see cref="ExecutorException"/> at the seam, with the same kind and
/// message <see cref="ArgoErrorMapper"/> gives it. Only Argo's failures are turned: anything else is a defect of the
/// agent and stays what it is.
/// </summary>
internal static class ArgoFailures
{
    public static bool IsArgoFailure(Exception exception) => exception is ArgoException or HttpRequestException or ApiException;

    /// <summary>Any exception as an executor failure; its inner exception is the original, for the Debug stack trace.</summary>
    public static ExecutorException ToExecutor(Exception exception)
    {
        var argo = ArgoErrorMapper.Map(exception);
        return new ExecutorException(ToKind(argo.Kind), argo.Message, exception);
    }

    public static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (IsArgoFailure(ex))
        {
            throw ToExecutor(ex);
        }
    }

    public static async Task GuardAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (IsArgoFailure(ex))
        {
            throw ToExecutor(ex);
        }
    }

    private static ExecutorErrorKind ToKind(ArgoErrorKind kind) => kind switch
    {
        ArgoErrorKind.NotFound => ExecutorErrorKind.NotFound,
        ArgoErrorKind.AlreadyExists => ExecutorErrorKind.AlreadyExists,
        ArgoErrorKind.Invalid => ExecutorErrorKind.Invalid,
        ArgoErrorKind.Unauthorized => ExecutorErrorKind.Unauthorized,
        ArgoErrorKind.Forbidden => ExecutorErrorKind.Forbidden,
        ArgoErrorKind.RateLimited => ExecutorErrorKind.RateLimited,
        ArgoErrorKind.Unavailable => ExecutorErrorKind.Unavailable,
        _ => ExecutorErrorKind.Other,
    };
}
