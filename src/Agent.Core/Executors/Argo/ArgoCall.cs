using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using ArgoError = Agent.Core.Executors.Argo.Generated.Models.Grpc.Gateway.Runtime.Error;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// How every Argo Server call is sent, and the one place its failure becomes an <see cref="ArgoException"/> (see
/// <see cref="ArgoErrorMapper"/>), whatever threw it: Kiota, HttpClient or the resilience pipeline. The generated
/// builders only make the requests; replies are read with the agent's small models (see <see cref="Wire.WorkflowJson"/>),
/// or not read at all when the agent has no use for them. A cancellation the caller asked for stays an
/// <see cref="OperationCanceledException"/>; any other one (an attempt's timeout) is a failed call.
/// </summary>
internal static class ArgoCall
{
    // Kiota throws the parsed grpc-gateway error body for every non-2xx answer ("XXX"), so the mapper sees Argo's code.
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ArgoError.CreateFromDiscriminatorValue,
    };

    /// <summary>
    /// Sends <paramref name="request"/> without reading the reply: for writes whose answer, often the whole workflow or
    /// cron workflow, the agent has no use for. The watch reports what they did.
    /// </summary>
    public static Task SendAsync(IRequestAdapter adapter, RequestInformation request, CancellationToken cancellationToken) =>
        RunAsync(token => adapter.SendNoContentAsync(request, ErrorMapping, token), cancellationToken);

    /// <summary>Sends <paramref name="request"/> and returns the open response body of a stream; the caller disposes it.</summary>
    public static Task<Stream> OpenAsync(IRequestAdapter adapter, RequestInformation request, CancellationToken cancellationToken) =>
        RunAsync(token => SendForBodyAsync(adapter, request, token), cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> and reads the body as <paramref name="type"/>. A body that is not that JSON, or
    /// breaks off, is a failed call like any other, as a stream line that is not JSON is (<see cref="ArgoStreamReader"/>).
    /// </summary>
    public static Task<T?> ReadAsync<T>(IRequestAdapter adapter, RequestInformation request, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        RunAsync(
            async token =>
            {
                await using var body = await SendForBodyAsync(adapter, request, token);
                return await JsonSerializer.DeserializeAsync(body, type, token);
            },
            cancellationToken);

    /// <summary>The outcome of a read made here, with Argo having nothing of that name giving null.</summary>
    public static async Task<T?> NullWhenNotFoundAsync<T>(Task<T?> read)
        where T : class
    {
        try
        {
            return await read;
        }
        catch (ArgoException ex) when (ex.Kind == ArgoErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>The outcome of a delete made here: what is gone already counts as deleted (protocol §5).</summary>
    public static async Task DoneWhenNotFoundAsync(Task delete)
    {
        try
        {
            await delete;
        }
        catch (ArgoException ex) when (ex.Kind == ArgoErrorKind.NotFound)
        {
            // Deleted before.
        }
    }

    private static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception ex) when (IsFailure(ex, cancellationToken))
        {
            throw ArgoErrorMapper.Map(ex);
        }
    }

    private static async Task RunAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call(cancellationToken);
        }
        catch (Exception ex) when (IsFailure(ex, cancellationToken))
        {
            throw ArgoErrorMapper.Map(ex);
        }
    }

    private static async Task<Stream> SendForBodyAsync(IRequestAdapter adapter, RequestInformation request, CancellationToken cancellationToken) =>
        await adapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, cancellationToken)
            ?? throw new ArgoException(ArgoErrorKind.Other, "Argo answered with an empty body");

    private static bool IsFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;
}
