using System.Text.Json.Nodes;
using Agent.Tests.Sandbox.Argo;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>Request bodies shaped like the Kubernetes executor's: a Job running the ingestion image, a CronJob, a Secret.</summary>
internal static class KubeObjects
{
    public static JsonObject Job(string name, JsonArray? env = null, string restartPolicy = "Never", int backoffLimit = 0, JsonArray? command = null) => new()
    {
        ["apiVersion"] = "batch/v1",
        ["kind"] = "Job",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["app.kubernetes.io/run-id"] = Workflows.RunId } },
        ["spec"] = new JsonObject
        {
            ["backoffLimit"] = backoffLimit,
            ["template"] = PodTemplate(env ?? IngestionEnv(Workflows.ValidConfig), restartPolicy, command),
        },
    };

    public static JsonObject PodTemplate(JsonArray env, string restartPolicy = "Never", JsonArray? command = null) => new()
    {
        ["spec"] = new JsonObject
        {
            ["restartPolicy"] = restartPolicy,
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "main",
                ["image"] = "openmetadata/ingestion-base:1.9",
                ["command"] = command ?? new JsonArray("python", "main.py"),
                ["env"] = env,
            }),
        },
    };

    public static JsonArray IngestionEnv(string config) => new(
        Workflows.Env("config", config),
        Workflows.Env("pipelineType", "metadata"),
        Workflows.Env("pipelineRunId", Workflows.RunId));

    /// <summary>The ingestion env with <c>config</c> read from Secret <paramref name="secret"/>, key <c>config</c>.</summary>
    public static JsonArray SecretEnv(string secret) => new(
        new JsonObject
        {
            ["name"] = "config",
            ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = secret, ["key"] = "config" } },
        },
        Workflows.Env("pipelineType", "metadata"),
        Workflows.Env("pipelineRunId", Workflows.RunId));

    public static JsonObject Secret(string name, string config, string? ownerJob = null, string? ownerUid = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ownerUid is not null)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "batch/v1", ["kind"] = "Job", ["name"] = ownerJob, ["uid"] = ownerUid,
            });
        }

        return new() { ["metadata"] = metadata, ["stringData"] = new JsonObject { ["config"] = config } };
    }

    public static JsonObject CronJob(string name, string schedule = "0 * * * *", string policy = "Forbid", string? timeZone = "Europe/Paris") => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["schedule"] = schedule,
            ["timeZone"] = timeZone,
            ["concurrencyPolicy"] = policy,
            ["jobTemplate"] = new JsonObject
            {
                ["spec"] = new JsonObject { ["backoffLimit"] = 0, ["template"] = PodTemplate(IngestionEnv(Workflows.ValidConfig)) },
            },
        },
    };
}
