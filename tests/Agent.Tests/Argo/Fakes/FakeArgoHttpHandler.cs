using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace Agent.Tests.Argo.Fakes;

/// <summary>
/// A small Argo Server behind an <see cref="HttpMessageHandler"/>: lists workflows by label selector, honouring the
/// <c>fields</c> projection for <c>status.nodes</c> (util/fields/fields.go keeps only the paths asked for), and serves
/// the workflow log API the way Argo v4.1.2 does: every non-Pending pod of the workflow, narrowed by <c>podName</c>
/// and by <c>logOptions.container</c>, nothing for an empty container (FIDELITY §4.1, §4.2).
/// </summary>
internal sealed class FakeArgoHttpHandler : HttpMessageHandler
{
    public const string Namespace = "ingestion";

    private readonly List<JsonObject> _workflows = [];
    private readonly List<FakePodLog> _pods = [];
    private long _logBytesServed;

    /// <summary>Bytes of log responses the client has actually read.</summary>
    public long LogBytesServed => Interlocked.Read(ref _logBytesServed);

    public List<string> LogQueries { get; } = [];

    public List<string> ListQueries { get; } = [];

    public void AddWorkflow(JsonObject workflow) => _workflows.Add(workflow);

    public void AddPod(FakePodLog pod) => _pods.Add(pod);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
        var response = path switch
        {
            ["api", "v1", "workflows", Namespace] => List(query, request.RequestUri.Query),
            ["api", "v1", "workflows", Namespace, var name, "log"] => Log(name, query, request.RequestUri.Query),
            _ => Json(HttpStatusCode.NotFound, new JsonObject { ["code"] = 5, ["message"] = "not found" }),
        };
        return Task.FromResult(response);
    }

    private HttpResponseMessage List(System.Collections.Specialized.NameValueCollection query, string raw)
    {
        ListQueries.Add(raw);
        var selector = (query["listOptions.labelSelector"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var fields = query["fields"]?.Split(',');
        var keepNodes = fields is null || fields.Contains("items.status.nodes") || fields.Contains("items.status");
        var items = new JsonArray();
        foreach (var workflow in _workflows.Where(workflow => selector.All(term => Matches(workflow, term))))
        {
            var copy = workflow.DeepClone().AsObject();
            if (!keepNodes)
            {
                (copy["status"] as JsonObject)?.Remove("nodes");
            }

            items.Add(copy);
        }

        return Json(HttpStatusCode.OK, new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = "7" }, ["items"] = items });
    }

    private HttpResponseMessage Log(string workflowName, System.Collections.Specialized.NameValueCollection query, string raw)
    {
        LogQueries.Add(raw);
        var podName = query["podName"] ?? string.Empty;
        var container = query["logOptions.container"] ?? string.Empty;
        var pods = _pods
            .Where(pod => pod.WorkflowName == workflowName && !pod.Pending && pod.Container == container)
            .Where(pod => podName.Length == 0 || pod.PodName == podName)
            .ToList();
        var body = new FakeLogStream(pods, served => Interlocked.Add(ref _logBytesServed, served));
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) };
    }

    private static bool Matches(JsonObject workflow, string term)
    {
        var negated = term.Contains("!=", StringComparison.Ordinal);
        var parts = term.Split(negated ? "!=" : "=", 2);
        var value = workflow["metadata"]?["labels"]?[parts[0]]?.GetValue<string>();
        return negated ? value != parts[1] : value == parts[1];
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
