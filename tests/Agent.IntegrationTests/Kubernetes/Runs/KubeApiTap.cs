using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Sits between the agent's Kubernetes client and the emulator: records every request (method, path and query, as
/// the Argo path's request recorder does) and answers 503 to those <see cref="Refuse"/> picks, as an overloaded API
/// server would, without the emulator seeing them. One tap serves one agent instance.
/// </summary>
internal sealed class KubeApiTap : DelegatingHandler
{
    private readonly ConcurrentQueue<(string Method, string PathAndQuery)> _requests = new();

    /// <summary>Which requests the API server answers 503 to; null lets everything through.</summary>
    public Func<HttpRequestMessage, bool>? Refuse { get; set; }

    public IReadOnlyList<(string Method, string PathAndQuery)> Requests => [.. _requests];

    /// <summary>For <c>replaceServices</c>: the agent's Kubernetes client goes through this handler (<see cref="AgentKubernetesClient"/>).</summary>
    public void Install(IServiceCollection services) => AgentKubernetesClient.Through(services, this);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue((request.Method.Method, Uri.UnescapeDataString(request.RequestUri!.PathAndQuery)));
        if (Refuse?.Invoke(request) == true)
        {
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                RequestMessage = request,
                Content = new StringContent(
                    """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server is currently unable to handle the request","reason":"ServiceUnavailable","code":503}""",
                    System.Text.Encoding.UTF8,
                    "application/json"),
            };
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
