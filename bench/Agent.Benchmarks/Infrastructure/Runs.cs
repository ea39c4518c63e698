using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Execution;
using Agent.Core.Executors.Argo;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>The two ways runs come to exist in a benchmark: through the agent, or written straight into the emulator.</summary>
internal static class Runs
{
    public const string PipelineType = "metadata";

    public static string PipelineFqn(int index) => $"bench_mysql.metadata_{index % 16}";

    /// <summary>A <c>pipeline.run</c> payload with a fresh run id (built before the clock starts).</summary>
    public static JsonElement RunPayload(int index) =>
        RequestPayloads.PipelineRun(PipelineFqn(index), runId: Guid.NewGuid().ToString());

    /// <summary>Sends <c>pipeline.run</c> through the control plane and waits for its result; null when the agent answered ok, else its code.</summary>
    public static async Task<string?> RunThroughAgentAsync(SandboxServer sandbox, string agentId, JsonElement payload, CancellationToken cancellationToken)
    {
        var ticket = await sandbox.ControlPlane.SubmitAsync(agentId, MessageTypes.PipelineRun, payload);
        var result = await ticket.WaitAsync(cancellationToken);
        if (result.Payload.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return null;
        }

        return result.Payload.TryGetProperty("code", out var code) ? $"code {code}" : "not ok";
    }

    /// <summary>
    /// Creates a workflow in the emulator directly, labelled and annotated exactly as the agent labels its own runs,
    /// so the agent adopts and tracks it. Returns its name.
    /// </summary>
    public static string CreateDirectly(SandboxServer sandbox, string agentId, string runId, int index)
    {
        var fqn = PipelineFqn(index);
        var name = WorkflowNames.ForRun(fqn.Split('.')[^1], runId);
        var request = new JsonObject
        {
            ["workflow"] = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["labels"] = new JsonObject
                    {
                        [WorkflowLabels.AgentId] = LabelValues.ForAgentId(agentId),
                        [WorkflowLabels.Pipeline] = LabelValues.ForPipeline(fqn),
                        [WorkflowLabels.PipelineType] = PipelineType,
                        [WorkflowLabels.RunId] = LabelValues.ForFreeText(runId),
                        [WorkflowLabels.ManagedBy] = WorkflowLabels.ManagedByValue,
                    },
                    ["annotations"] = new JsonObject
                    {
                        [WorkflowLabels.PipelineFqnAnnotation] = fqn,
                        [WorkflowLabels.RunIdAnnotation] = runId,
                    },
                },
                ["spec"] = new JsonObject
                {
                    ["entrypoint"] = "ingestion",
                    ["templates"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "ingestion",
                        ["container"] = new JsonObject
                        {
                            ["name"] = "main",
                            ["image"] = "openmetadata/ingestion:1.9.0",
                            ["command"] = new JsonArray("python", "main.py"),
                        },
                    }),
                },
            },
        };
        sandbox.Emulator.CreateWorkflow(BenchHost.Namespace, request);
        return name;
    }

    /// <summary>Starts the agent and waits until the control plane has sent it <c>welcome</c>; returns the time that took.</summary>
    public static async Task<(AgentProcess Agent, TimeSpan Startup)> StartAgentAsync(
        SandboxServer sandbox, string agentId, TimeSpan timeout, IDictionary<string, string>? extra = null, Dictionary<string, string?>? environment = null)
    {
        var agent = BenchHost.StartAgent(sandbox, agentId, extra, environment);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await sandbox.ControlPlane.WaitForAgentAsync(agentId, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            var tail = agent.Tail();
            await agent.DisposeAsync();
            throw new TimeoutException($"the agent did not connect within {timeout.TotalSeconds} s; its last lines:{Environment.NewLine}{tail}");
        }

        return (agent, Stopwatch.GetElapsedTime(agent.StartedAt));
    }

    /// <summary>Waits until the control plane holds a status of <paramref name="state"/> (or any, when null) for every run.</summary>
    public static async Task WaitForStatusesAsync(
        SandboxServer sandbox, string agentId, IReadOnlyCollection<string> runIds, string? state, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var wanted = runIds.ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            var seen = sandbox.ControlPlane.GetStatuses(agentId)
                .Where(s => state is null || s.Status.PipelineState == state)
                .Select(s => s.Status.RunId)
                .ToHashSet(StringComparer.Ordinal);
            if (wanted.IsSubsetOf(seen))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancel.Token);
        }
    }

    public static bool IsRunning(RunStatusPayload status) => status.PipelineState == PipelineStates.Running;
}
