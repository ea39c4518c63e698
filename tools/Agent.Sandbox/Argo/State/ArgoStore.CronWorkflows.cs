using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;

namespace Agent.Sandbox.Argo.State;

internal sealed partial class ArgoStore
{
    public const string CronWorkflowResource = "cronworkflows.argoproj.io";

    private readonly Dictionary<(string Namespace, string Name), JsonObject> _cronWorkflows = [];

    public JsonObject AddCronWorkflow(JsonObject cronWorkflow)
    {
        var key = KeyOf(cronWorkflow);
        lock (_gate)
        {
            if (_cronWorkflows.ContainsKey(key))
            {
                throw ArgoApiException.AlreadyExists(CronWorkflowResource, key.Name);
            }

            StampNextVersion(cronWorkflow);
            _cronWorkflows[key] = cronWorkflow;
            return cronWorkflow;
        }
    }

    public JsonObject GetCronWorkflow(string @namespace, string name)
    {
        lock (_gate)
        {
            return _cronWorkflows.TryGetValue((@namespace, name), out var cronWorkflow)
                ? cronWorkflow
                : throw ArgoApiException.NotFound(CronWorkflowResource, name);
        }
    }

    public (List<JsonObject> Items, long ResourceVersion) ListCronWorkflows(string? @namespace)
    {
        lock (_gate)
        {
            var items = _cronWorkflows.Where(pair => @namespace is null || pair.Key.Namespace == @namespace)
                .Select(pair => pair.Value).ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>Same contract as <see cref="UpdateWorkflow"/>; cron workflows have no watch stream to feed.</summary>
    public JsonObject UpdateCronWorkflow(string @namespace, string name, Func<JsonObject, JsonObject, bool> mutate)
    {
        lock (_gate)
        {
            var current = GetCronWorkflow(@namespace, name);
            var working = current.DeepClone().AsObject();
            if (!mutate(current, working))
            {
                return current;
            }

            StampNextVersion(working);
            _cronWorkflows[(@namespace, name)] = working;
            return working;
        }
    }

    public void DeleteCronWorkflow(string @namespace, string name)
    {
        lock (_gate)
        {
            if (!_cronWorkflows.Remove((@namespace, name)))
            {
                throw ArgoApiException.NotFound(CronWorkflowResource, name);
            }

            _resourceVersion++;
        }
    }
}
