using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Configs;

namespace Agent.Gateway.Airflow;

/// <summary>
/// trigger: AirflowRESTClient.runPipeline @03fa0ab6 posts <c>{"dag_id": name}</c>, plus
/// <c>"conf": {"appConfigOverride": {…}}</c> for an application run; 200 is success, the body is not read.
/// </summary>
internal static class TriggerHandler
{
    /// <summary>PipelineType.APPLICATION's JSON value: only an app's config has an <c>appConfig</c> to override.</summary>
    private const string ApplicationType = "application";

    public static async Task<IResult> TriggerAsync(HttpRequest request, AirflowServices services, CancellationToken cancellationToken)
    {
        var (pipeline, body, problem) = await services.PipelineFromBodyAsync(request, cancellationToken);
        if (pipeline is null)
        {
            return problem!;
        }

        var runId = Guid.NewGuid().ToString();
        if (AirflowRequest.Find(body, "conf.pipelineRunId") is { } given)
        {
            if (given.ValueKind != JsonValueKind.String || !Guid.TryParse(given.GetString(), out var parsed))
            {
                return AirflowResults.BadRequest("Request Validation Error parsing payload: 'conf.pipelineRunId' must be a UUID string");
            }

            runId = parsed.ToString();
        }

        var config = JsonNode.Parse(services.Protector.Unprotect(pipeline.ProtectedConfig))!.AsObject();
        if (pipeline.PipelineType == ApplicationType && AirflowRequest.Find(body, "conf.appConfigOverride") is { ValueKind: JsonValueKind.Object } overrides)
        {
            MergeAppConfig(config, overrides);
        }

        using var payload = JsonDocument.Parse(services.Protector.Unprotect(pipeline.ProtectedPayload));
        var info = PipelineInfoMapper.From(payload.RootElement) with { Enabled = pipeline.Enabled };
        var run = new PipelineRunRequest(info, JsonSerializer.SerializeToElement(RunConfigText.Render(config, runId), ProtocolJsonContext.Default.String), runId);
        var reply = await services.SendAsync(pipeline.AgentId, MessageTypes.PipelineRun, run, ProtocolJsonContext.Default.PipelineRunRequest, services.Settings.RequestTimeout, cancellationToken);
        if (AgentOutcome.Failure(reply, pipeline.AgentId, "start a run") is { } failure)
        {
            services.Logger.AgentFailed("trigger", pipeline.DagId, pipeline.AgentId, reply.Result?.Code ?? StatusCodes.Status503ServiceUnavailable);
            return failure;
        }

        return TypedResults.Json(
            new TriggerBody($"Workflow [{pipeline.DagId}] has been triggered", reply.Result!.RunId ?? runId),
            AirflowJsonContext.Default.TriggerBody);
    }

    /// <summary>
    /// WorkflowConfigBuilder.buildOMApplicationConfig merges the override into <c>appConfig</c> with <c>putAll</c>: each
    /// top-level key replaces the deployed one for this run only.
    /// </summary>
    private static void MergeAppConfig(JsonObject config, JsonElement overrides)
    {
        if (config["appConfig"] is not JsonObject appConfig)
        {
            appConfig = [];
            config["appConfig"] = appConfig;
        }

        foreach (var property in overrides.EnumerateObject())
        {
            appConfig[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }
    }
}
