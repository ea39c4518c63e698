using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// The <c>submitOptions</c> fields the sandbox honours when submitting from a cron workflow (after Argo's
/// <c>util.ApplySubmitOpts</c>): <c>name</c>, <c>generateName</c>, <c>entryPoint</c>, and comma-separated
/// <c>k=v</c> <c>labels</c> and <c>annotations</c>. Parameters and service accounts are ignored.
/// </summary>
internal static class SubmitOptions
{
    public static void Apply(JsonObject workflow, JsonObject? submitOptions)
    {
        if (submitOptions is null)
        {
            return;
        }

        var metadata = ResourceJson.Metadata(workflow);
        AddPairs(ResourceJson.Child(metadata, "labels"), ResourceJson.StringAt(submitOptions, "labels"));
        AddPairs(ResourceJson.Child(metadata, "annotations"), ResourceJson.StringAt(submitOptions, "annotations"));
        if (ResourceJson.StringAt(submitOptions, "generateName") is { Length: > 0 } generateName)
        {
            metadata["generateName"] = generateName;
            metadata.Remove("name");
        }

        if (ResourceJson.StringAt(submitOptions, "name") is { Length: > 0 } name)
        {
            metadata["name"] = name;
        }

        if (ResourceJson.StringAt(submitOptions, "entryPoint") is { Length: > 0 } entryPoint)
        {
            ResourceJson.Child(workflow, "spec")["entrypoint"] = entryPoint;
        }
    }

    private static void AddPairs(JsonObject target, string? pairs)
    {
        foreach (var pair in (pairs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                target[pair[..separator]] = pair[(separator + 1)..];
            }
        }
    }
}
