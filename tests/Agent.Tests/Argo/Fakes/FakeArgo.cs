using Agent.Core.Execution;
using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Core.Executors.Argo;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Agent.Tests.Argo.Fakes;

/// <summary>Builds Argo-shaped workflow objects for <see cref="FakeArgoHttpHandler"/> and the agent's real client over it.</summary>
internal static class FakeArgo
{
    public const string AgentId = "agent-1";
    public const string PipelineFqn = "svc.pipeline";

    public static ArgoWorkflowClient Client(HttpMessageHandler handler) => new(Clients(handler), Options(), TimeProvider.System);

    public static ArgoCronWorkflowClient CronClient(HttpMessageHandler handler) => new(Clients(handler), Options());

    /// <summary>A workflow of this agent's pipeline, labelled and annotated as the agent labels its runs.</summary>
    public static JsonObject Workflow(string name, string runId, string phase, DateTimeOffset created, params JsonObject[] nodes)
    {
        var nodeMap = new JsonObject();
        for (var i = 0; i < nodes.Length; i++)
        {
            // Keyed by node id; only the v1 pod-name scheme uses it, so any unique id does.
            nodeMap[nodes[i]["name"]!.GetValue<string>() == name ? name : $"{name}-{i.ToString(CultureInfo.InvariantCulture)}"] = nodes[i];
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = FakeArgoHttpHandler.Namespace,
                ["uid"] = Guid.NewGuid().ToString(),
                ["creationTimestamp"] = created.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["labels"] = new JsonObject
                {
                    [WorkflowLabels.AgentId] = AgentId,
                    [WorkflowLabels.Pipeline] = LabelValues.ForPipeline(PipelineFqn),
                    [WorkflowLabels.PipelineType] = "metadata",
                    [WorkflowLabels.RunId] = runId,
                },
                ["annotations"] = new JsonObject
                {
                    [WorkflowLabels.RunIdAnnotation] = runId,
                    [WorkflowLabels.PipelineFqnAnnotation] = PipelineFqn,
                },
            },
            ["status"] = new JsonObject { ["phase"] = phase, ["nodes"] = nodeMap },
        };
    }

    public static JsonObject Node(string name, string type, string templateName, string phase, string? message = null)
    {
        var node = new JsonObject { ["name"] = name, ["displayName"] = name, ["type"] = type, ["templateName"] = templateName, ["phase"] = phase };
        if (message is not null)
        {
            node["message"] = message;
        }

        return node;
    }

    private static ArgoApiClients Clients(HttpMessageHandler handler)
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: new HttpClient(handler))
        {
            BaseUrl = "http://argo.test",
        };
        return new ArgoApiClients(adapter, adapter, adapter);
    }

    private static IOptions<ArgoOptions> Options() =>
        Microsoft.Extensions.Options.Options.Create(new ArgoOptions { Namespace = FakeArgoHttpHandler.Namespace, Endpoint = "http://argo.test" });
}
