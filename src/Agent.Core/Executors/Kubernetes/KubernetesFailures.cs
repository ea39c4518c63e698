using System.Net;
using System.Text.Json;
using Agent.Core.Execution;
using k8s.Autorest;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// The API server's failures as <see cref="ExecutorException"/>: the HTTP code and the <c>Status</c> object's
/// <c>reason</c> and <c>message</c> (K8S staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go; research-16 §2.2).
/// </summary>
internal static class KubernetesFailures
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ExecutorException)
        {
            throw ToExecutor(ex);
        }
    }

    public static async Task GuardAsync(Func<Task> call) => await GuardAsync(async () =>
    {
        await call();
        return true;
    });

    public static bool Is(Exception ex, HttpStatusCode code) => ex is HttpOperationException { Response.StatusCode: var status } && status == code;

    public static ExecutorException ToExecutor(Exception ex) => ex switch
    {
        ExecutorException executor => executor,
        HttpOperationException http => new ExecutorException(KindOf(http.Response.StatusCode), $"Kubernetes API: {(int)http.Response.StatusCode} {MessageOf(http)}", ex),
        HttpRequestException => new ExecutorException(ExecutorErrorKind.Unavailable, $"Kubernetes API unreachable: {ex.Message}", ex),
        _ => new ExecutorException(ExecutorErrorKind.Other, $"Kubernetes API call failed: {ex.Message}", ex),
    };

    private static ExecutorErrorKind KindOf(HttpStatusCode code) => code switch
    {
        HttpStatusCode.NotFound => ExecutorErrorKind.NotFound,
        HttpStatusCode.Conflict => ExecutorErrorKind.AlreadyExists,
        HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge => ExecutorErrorKind.Invalid,
        HttpStatusCode.Unauthorized => ExecutorErrorKind.Unauthorized,
        HttpStatusCode.Forbidden => ExecutorErrorKind.Forbidden,
        HttpStatusCode.TooManyRequests => ExecutorErrorKind.RateLimited,
        >= HttpStatusCode.InternalServerError => ExecutorErrorKind.Unavailable,
        _ => ExecutorErrorKind.Other,
    };

    /// <summary>The Status object's message when the body is one, else the raw body.</summary>
    private static string MessageOf(HttpOperationException http)
    {
        var content = http.Response.Content ?? string.Empty;
        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? content : content;
        }
        catch (JsonException)
        {
            return content;
        }
    }
}
