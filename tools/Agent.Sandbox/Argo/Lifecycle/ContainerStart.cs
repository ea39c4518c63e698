using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Image;
using Agent.Sandbox.Argo.Kubelet;
using Agent.Sandbox.Argo.Templating;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// Starts a pod's <c>main</c> container the way the real chain does (FIDELITY §5.4, §5.2, §5.5, §5.6): Argo substitutes
/// <c>{{…}}</c> in the template, the kubelet expands <c>$(VAR)</c> in env values, the kernel applies its exec limits,
/// and only then does the image's program run.
/// </summary>
internal static class ContainerStart
{
    /// <summary>What runc prints when exec of the emissary fails with E2BIG (runc internal/linux/linux.go; argo#15471).</summary>
    public const string ArgumentListTooLong = "exec /var/run/argo/argoexec: argument list too long";

    public static ProgramRun Launch(WorkflowRun run, JsonObject template, EmulatedPod pod, bool exitHandler, string defaultOutcome)
    {
        var variables = new Dictionary<string, string>(run.Plan.Globals, StringComparer.Ordinal);
        if (exitHandler)
        {
            variables["workflow.status"] = ExitVariables.Status(run.EntryNode);
            variables["workflow.failures"] = ExitVariables.Failures(run);
        }

        var container = ArgoTemplate.Substitute(template, variables)["container"] as JsonObject;
        var podFields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metadata.name"] = pod.Name,
            ["metadata.namespace"] = run.Plan.Globals["workflow.namespace"],
            ["metadata.uid"] = pod.Uid,
        };
        var environment = ContainerEnvironment.Build(container, podFields);
        var command = Strings(container?["command"]).Concat(Strings(container?["args"])).ToList();
        // The emissary executor execs itself first: argoexec emissary -- <command> <args>.
        if (ExecLimits.Check(["/var/run/argo/argoexec", "emissary", "--", .. command], environment) is not null)
        {
            return ProgramRun.Exited([ArgumentListTooLong], 255);
        }

        return IngestionImage.Run(new ContainerLaunch(command, environment), defaultOutcome);
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) ? text : item?.ToJsonString() ?? "");
}
