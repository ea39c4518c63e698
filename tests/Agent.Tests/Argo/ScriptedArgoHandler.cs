using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Agent.Tests.Argo;

/// <summary>
/// The Argo Server at the bottom of the agent's HTTP stack: the one-item access check (the readiness probe's call)
/// always answers 503 Unavailable, a workflow create always succeeds. Counts what reached it.
/// </summary>
internal sealed class ScriptedArgoHandler : HttpMessageHandler
{
    private int _accessChecks;
    private int _creates;

    public int AccessChecks => Volatile.Read(ref _accessChecks);

    public int Creates => Volatile.Read(ref _creates);

    /// <summary>The name of the workflow the last create carried.</summary>
    public string? CreatedName { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post)
        {
            Interlocked.Increment(ref _creates);
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            CreatedName = body?["workflow"]?["metadata"]?["name"]?.GetValue<string>();
            return Json(HttpStatusCode.OK, """{"metadata":{"name":"om-probe-isolation","namespace":"ingestion"}}""");
        }

        if (request.RequestUri?.Query.Contains("listOptions.limit=1", StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _accessChecks);
            return Json(HttpStatusCode.ServiceUnavailable, """{"code":14,"message":"argo-server is restarting"}""");
        }

        return Json(HttpStatusCode.NotFound, """{"code":5,"message":"not scripted"}""");
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
