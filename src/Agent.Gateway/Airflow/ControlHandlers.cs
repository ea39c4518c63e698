using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Airflow;

/// <summary>kill, enable and disable: each posts <c>{"dag_id": name}</c> and needs a 200.</summary>
internal static class ControlHandlers
{
    /// <summary>
    /// kill: AirflowRESTClient.killIngestion @03fa0ab6 throws "Failed to kill running workflows due to &lt;body&gt;" on
    /// anything but 200. Nothing running is a 200 here (the plugin's kill_all.py answers 404, shown as an error).
    /// </summary>
    public static async Task<IResult> KillAsync(HttpRequest request, AirflowServices services, CancellationToken cancellationToken)
    {
        var (pipeline, _, problem) = await services.PipelineFromBodyAsync(request, cancellationToken);
        if (pipeline is null)
        {
            return problem!;
        }

        var reply = await services.SendAsync(pipeline.AgentId, MessageTypes.PipelineKill, new PipelineFqnRequest(pipeline.PipelineFqn), ProtocolJsonContext.Default.PipelineFqnRequest, services.Settings.RequestTimeout, cancellationToken);
        return AgentOutcome.Failure(reply, pipeline.AgentId, "stop the runs") ?? AirflowResults.Message($"Workflow [{pipeline.DagId}] has been killed");
    }

    /// <summary>enable: the client posts it when <c>pipeline.enabled</c> is false (toggleIngestion @03fa0ab6).</summary>
    public static Task<IResult> EnableAsync(HttpRequest request, AirflowServices services, CancellationToken cancellationToken) =>
        ToggleAsync(request, services, enabled: true, cancellationToken);

    /// <summary>disable: the client posts it when <c>pipeline.enabled</c> is true (toggleIngestion @03fa0ab6).</summary>
    public static Task<IResult> DisableAsync(HttpRequest request, AirflowServices services, CancellationToken cancellationToken) =>
        ToggleAsync(request, services, enabled: false, cancellationToken);

    /// <summary>
    /// toggleIngestion @03fa0ab6: 200 flips <c>enabled</c>; 404 sets <c>deployed=false</c>, so 404 is kept for a dag_id
    /// the gateway does not know; an agent that is away is a 503 (AgentOutcome).
    /// </summary>
    private static async Task<IResult> ToggleAsync(HttpRequest request, AirflowServices services, bool enabled, CancellationToken cancellationToken)
    {
        var (pipeline, _, problem) = await services.PipelineFromBodyAsync(request, cancellationToken);
        if (pipeline is null)
        {
            return problem!;
        }

        var reply = await services.SendAsync(pipeline.AgentId, MessageTypes.PipelineToggle, new PipelineToggleRequest(pipeline.PipelineFqn, enabled), ProtocolJsonContext.Default.PipelineToggleRequest, services.Settings.RequestTimeout, cancellationToken);
        if (AgentOutcome.Failure(reply, pipeline.AgentId, enabled ? "enable the schedule" : "suspend the schedule") is { } failure)
        {
            return failure;
        }

        await services.Pipelines.SetEnabledAsync(pipeline.DagId, enabled, cancellationToken);
        return AirflowResults.Message($"DAG {pipeline.DagId} has been {(enabled ? "enabled" : "disabled")}");
    }
}
