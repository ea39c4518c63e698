using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Demo;

/// <summary>
/// The README demo without a script, for docker-compose: when the agent connects, send one <c>pipeline.run</c> and
/// log its result and its final <c>run.status</c>, so `docker compose up` shows a run end to end.
/// </summary>
internal sealed partial class DemoRun(ControlPlaneServer server, IOptions<DemoOptions> options, ILogger<DemoRun> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (string.IsNullOrWhiteSpace(demo.AgentId))
        {
            return;
        }

        try
        {
            await server.WaitForAgentAsync(demo.AgentId, stoppingToken);
            var runId = Guid.NewGuid().ToString();
            var result = await server.SendRequestAsync(demo.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(demo.PipelineFqn, runId: runId), stoppingToken);
            var code = result.Payload.TryGetProperty("code", out var value) ? value.GetInt32() : 0;
            Started(logger, demo.PipelineFqn, code);
            var final = await server.WaitForStatusAsync(status => status.RunId == runId && PipelineStates.IsTerminal(status.PipelineState), stoppingToken);
            Finished(logger, runId, final.Status.PipelineState);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the demo finished.
        }
    }

    [LoggerMessage(EventId = SandboxEventIds.DemoRunAnswered, Level = LogLevel.Information, Message = "Demo: pipeline.run for {PipelineFqn} answered {Code}")]
    private static partial void Started(ILogger logger, string pipelineFqn, int code);

    [LoggerMessage(EventId = SandboxEventIds.DemoRunFinished, Level = LogLevel.Information, Message = "Demo: run {RunId} reached {State}")]
    private static partial void Finished(ILogger logger, string runId, string state);
}
