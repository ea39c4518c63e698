using Agent.Core.Execution;
using System.Text.Json.Nodes;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Agent.Core.Executors.Argo.Customization;

/// <summary>
/// Applies the operator's pod settings to a generated workflow spec, in this order: the workflow spec file, the
/// pipeline type's config, then the container spec file on every container. Works on the JSON form so any field
/// of the Argo and Kubernetes specs can be set, including ones the agent itself never touches.
/// </summary>
internal sealed class WorkflowCustomizer(PodCustomization customization)
{
    /// <summary>Per-type keys that belong to the containers rather than the workflow spec.</summary>
    private static readonly string[] ContainerKeys = ["resources", "env", "envFrom", "volumeMounts", "securityContext"];

    public async Task<WorkflowSpec> ApplyAsync(WorkflowSpec spec, string typeKey, CancellationToken cancellationToken)
    {
        var typeConfig = customization.TypeConfigs.GetValueOrDefault(typeKey);
        if (customization.ContainerPatch is null && customization.WorkflowPatch is null && typeConfig is null)
        {
            return spec;
        }

        var json = (JsonObject)JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(spec, serializeOnlyChangedValues: false, cancellationToken))!;
        if (customization.WorkflowPatch is not null)
        {
            JsonMerge.Into(json, Aliased(customization.WorkflowPatch));
        }

        if (typeConfig is not null)
        {
            ApplyTypeConfig(json, typeConfig);
        }

        if (customization.ContainerPatch is not null)
        {
            ForEachContainer(json, container => JsonMerge.Into(container, (JsonObject)customization.ContainerPatch.DeepClone()));
        }

        return await KiotaJsonSerializer.DeserializeAsync(json.ToJsonString(), WorkflowSpec.CreateFromDiscriminatorValue, cancellationToken)
            ?? throw new CustomizationException("the customized workflow spec could not be read back");
    }

    /// <summary>Every container image the spec would run, for the local policy.</summary>
    public static IEnumerable<string> Images(WorkflowSpec spec) =>
        (spec.Templates ?? []).Select(template => template.Container?.Image).OfType<string>().Distinct(StringComparer.Ordinal);

    private static void ApplyTypeConfig(JsonObject spec, JsonObject typeConfig)
    {
        var forContainers = new JsonObject();
        var forSpec = new JsonObject();
        foreach (var (key, value) in typeConfig)
        {
            (ContainerKeys.Contains(key) ? forContainers : forSpec)[key] = value?.DeepClone();
        }

        JsonMerge.Into(spec, Aliased(forSpec));
        if (forContainers.Count > 0)
        {
            ForEachContainer(spec, container => JsonMerge.Into(container, (JsonObject)forContainers.DeepClone()));
        }
    }

    /// <summary>The chart's settings say <c>priorityClassName</c>; an Argo workflow spec calls it <c>podPriorityClassName</c>.</summary>
    private static JsonObject Aliased(JsonObject patch)
    {
        var copy = (JsonObject)patch.DeepClone();
        if (copy.Remove("priorityClassName", out var priority))
        {
            copy["podPriorityClassName"] = priority;
        }

        return copy;
    }

    private static void ForEachContainer(JsonObject spec, Action<JsonObject> apply)
    {
        foreach (var container in (spec["templates"] as JsonArray ?? []).OfType<JsonObject>().Select(template => template["container"]).OfType<JsonObject>())
        {
            apply(container);
        }
    }
}
