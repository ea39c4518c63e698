using System.Net;
using System.Text;

namespace Agent.Tests.Argo.Fakes;

/// <summary>An Argo Server that answers every request with the same status and body, and records what was asked.</summary>
internal sealed class AnsweringArgoHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    public List<string> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
