using System.Collections.Concurrent;
using System.Text.Json;
using Agent.Core.Logs;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Agents;
using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>
/// IAgentLink to scripted agents that follow protocol v1 (docs/protocol.md §5): each keeps the pipelines deployed to
/// it and their runs, answers 404 for a pipeline it does not hold, and reports each started run as queued to the run
/// book, as a real agent's <c>run.status</c> would. An agent that is not connected, or silent, gives the replies the
/// real link gives. Every request is recorded.
/// </summary>
internal sealed class ScriptedAgentLink(IRunBook runs, TimeProvider time) : IAgentLink
{
    private readonly ConcurrentDictionary<string, ScriptedAgent> _agents = new(StringComparer.Ordinal);

    public ConcurrentQueue<AgentRequest> Requests { get; } = new();

    public ScriptedAgent Agent(string agentId) => _agents.GetOrAdd(agentId, id => new ScriptedAgent(id));

    public IEnumerable<AgentRequest> RequestsOf(string type) => Requests.Where(r => r.Type == type);

    public async Task<AgentReply> SendAsync(string agentId, string type, JsonElement payload, TimeSpan wait, CancellationToken cancellationToken)
    {
        Requests.Enqueue(new AgentRequest(agentId, type, payload.Clone(), wait));
        var agent = Agent(agentId);
        if (!agent.Connected)
        {
            return AgentReply.NotConnected(agentId);
        }

        if (agent.Silent)
        {
            return AgentReply.TimedOut(agentId, wait);
        }

        return AgentReply.Answered(await AnswerAsync(agent, type, payload, cancellationToken));
    }

    private async Task<ResultPayload> AnswerAsync(ScriptedAgent agent, string type, JsonElement payload, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case MessageTypes.PipelineDeploy:
                var deploy = payload.Deserialize(ProtocolJsonContext.Default.PipelineDeployRequest)!;
                if (deploy.Config.ValueKind != JsonValueKind.String)
                {
                    return Result(400, "payload field 'config' must be text");
                }

                agent.Pipelines[deploy.Pipeline.FullyQualifiedName] = new ScriptedPipeline(deploy.Pipeline, deploy.Config.GetString()!);
                return Ok(JsonSerializer.SerializeToElement(new PipelineDeployedData(null), ProtocolJsonContext.Default.PipelineDeployedData));
            case MessageTypes.PipelineRun:
                var run = payload.Deserialize(ProtocolJsonContext.Default.PipelineRunRequest)!;
                if (!agent.Pipelines.TryGetValue(run.Pipeline.FullyQualifiedName, out var pipeline))
                {
                    return Result(404, $"pipeline '{run.Pipeline.FullyQualifiedName}' is not deployed");
                }

                var runId = run.RunId ?? Guid.NewGuid().ToString();
                pipeline.Runs.Add(runId);
                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                await runs.RecordAsync(agent.Id, new RunStatusPayload(pipeline.Info.FullyQualifiedName, runId, "wf-" + runId[..8], PipelineStates.Queued, now, now), cancellationToken);
                return Ok(JsonSerializer.SerializeToElement(new RunStartedData(runId, "wf-" + runId[..8]), ProtocolJsonContext.Default.RunStartedData), runId);
            case MessageTypes.PipelineKill:
                return WithPipeline(agent, payload, p =>
                {
                    var stopped = p.Runs.ToList();
                    p.Runs.Clear();
                    return Ok(JsonSerializer.SerializeToElement(new KilledRunsData(stopped, []), ProtocolJsonContext.Default.KilledRunsData));
                });
            case MessageTypes.PipelineToggle:
                var toggle = payload.Deserialize(ProtocolJsonContext.Default.PipelineToggleRequest)!;
                return WithPipeline(agent, payload, p =>
                {
                    p.Enabled = toggle.Enabled;
                    return Ok(JsonSerializer.SerializeToElement(new PipelineToggledData(toggle.Enabled), ProtocolJsonContext.Default.PipelineToggledData));
                });
            case MessageTypes.PipelineDelete:
                agent.Pipelines.TryRemove(payload.Deserialize(ProtocolJsonContext.Default.PipelineFqnRequest)!.PipelineFqn, out _);
                return Ok(null);
            case MessageTypes.PipelineLogs:
                return WithPipeline(agent, payload, p => p.Runs.Count == 0 ? Result(404, "the pipeline has no run") : Ok(LogPage(p, payload)));
            case MessageTypes.AutomationRun:
            case MessageTypes.ApplicationRun:
                var id = Guid.NewGuid().ToString();
                return Ok(JsonSerializer.SerializeToElement(new RunStartedData(id, "wf-" + id[..8]), ProtocolJsonContext.Default.RunStartedData), id);
            default:
                return Result(400, $"unknown type '{type}'");
        }
    }

    /// <summary>Two pages: the first says there is another (<c>after</c>), the second is the last.</summary>
    private static JsonElement LogPage(ScriptedPipeline pipeline, JsonElement payload)
    {
        var after = payload.Deserialize(ProtocolJsonContext.Default.PipelineLogsRequest)!.After;
        var page = new Dictionary<string, string> { [LogPager.TaskKey(pipeline.Info.PipelineType)] = after is null ? "page one\n" : "page two\n" };
        if (after is null)
        {
            page["total"] = "2";
            page["after"] = "1";
        }
        else
        {
            page["total"] = "2";
        }

        return JsonSerializer.SerializeToElement(page, ProtocolJsonContext.Default.DictionaryStringString);
    }

    private static ResultPayload WithPipeline(ScriptedAgent agent, JsonElement payload, Func<ScriptedPipeline, ResultPayload> answer)
    {
        var fqn = payload.GetProperty("pipelineFqn").GetString()!;
        return agent.Pipelines.TryGetValue(fqn, out var pipeline) ? answer(pipeline) : Result(404, $"pipeline '{fqn}' is not deployed");
    }

    private static ResultPayload Ok(JsonElement? data, string? runId = null) => new(true, 200, "Argo", "1.13.3", RunId: runId, Data: data);

    private static ResultPayload Result(int code, string reason) => new(false, code, "Argo", "1.13.3", reason);
}
