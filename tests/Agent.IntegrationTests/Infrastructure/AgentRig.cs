using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.Argo;
using Agent.Sandbox.Argo.Faults;
using Agent.Sandbox.ControlPlane;
using Agent.Sandbox.ControlPlane.Api;
using Agent.IntegrationTests.Kubernetes;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Infrastructure;

/// <summary>
/// A sandbox plus one welcomed agent, with typed shortcuts for the Argo-side tests; started with
/// <see cref="StartKubernetesAsync"/>, the agent runs on the Kubernetes executor against the sandbox's Kubernetes
/// emulator instead (<see cref="Kube"/>).
/// </summary>
internal sealed class AgentRig : IAsyncDisposable
{
    public const string Namespace = "ingestion";
    public const string PipelineFqn = "sandbox_mysql.metadata_ingestion";

    private readonly IDictionary<string, string?>? _executorSettings;

    private AgentRig(
        SandboxServer sandbox, AgentApplication agent, AgentConnection welcomed, IDictionary<string, string?>? executorSettings, CancellationToken cancellation)
    {
        Sandbox = sandbox;
        Agent = agent;
        Cancellation = cancellation;
        Welcomed = welcomed;
        _executorSettings = executorSettings;
    }

    public SandboxServer Sandbox { get; }

    public AgentApplication Agent { get; private set; }

    public CancellationToken Cancellation { get; }

    /// <summary>The agent's first welcomed session, as the control plane saw it.</summary>
    public AgentConnection Welcomed { get; }

    public ControlPlaneServer ControlPlane => Sandbox.ControlPlane;

    public ArgoEmulator Emulator => Sandbox.Services.GetRequiredService<ArgoEmulator>();

    public ArgoFaults Faults => Sandbox.Services.GetRequiredService<ArgoFaults>();

    public ArgoRequestRecorder Recorder => Sandbox.Services.GetRequiredService<ArgoRequestRecorder>();

    /// <summary>The Kubernetes emulator's objects in <see cref="Namespace"/>, where the Kubernetes executor puts its own.</summary>
    public KubeObjects Kube => new(Sandbox, Namespace);

    public static Task<AgentRig> StartAsync(
        string agentId,
        IDictionary<string, string?>? sandboxSettings = null,
        IDictionary<string, string?>? agentOverrides = null,
        TimeSpan? timeout = null,
        Action<IServiceCollection>? replaceServices = null) =>
        StartAsync(agentId, sandboxSettings, agentOverrides, timeout, replaceServices, executorSettings: null);

    /// <summary>
    /// As <see cref="StartAsync(string, IDictionary{string, string?}?, IDictionary{string, string?}?, TimeSpan?, Action{IServiceCollection}?)"/>,
    /// with the agent on the Kubernetes executor (<c>EXECUTOR_TYPE=simpleK8s</c>) against the sandbox's Kubernetes API
    /// emulator, its Jobs in <see cref="Namespace"/>. <paramref name="agentOverrides"/> still win.
    /// </summary>
    public static Task<AgentRig> StartKubernetesAsync(
        string agentId,
        IDictionary<string, string?>? sandboxSettings = null,
        IDictionary<string, string?>? agentOverrides = null,
        TimeSpan? timeout = null,
        Action<IServiceCollection>? replaceServices = null) =>
        StartAsync(agentId, sandboxSettings, agentOverrides, timeout, replaceServices, executorSettings: new Dictionary<string, string?>
        {
            ["Executor:Type"] = "simpleK8s",
            ["Kubernetes:Namespace"] = Namespace,
        });

    /// <summary>Stops the agent (as a pod restart would) and starts a new one with the same id and settings.</summary>
    public async Task RestartAgentAsync(
        Func<Task> whileStopped, IDictionary<string, string?>? agentOverrides = null, Action<IServiceCollection>? replaceServices = null)
    {
        var agentId = Agent.AgentId;
        await Agent.DisposeAsync();
        await ControlPlane.WaitForDisconnectAsync(agentId, Cancellation);
        await whileStopped();
        Agent = new AgentApplication(Sandbox, agentId, Merge(Sandbox, _executorSettings, agentOverrides)) { ReplaceServices = replaceServices };
        Agent.StartServer();
    }

    public async Task<ResultPayload> SendAsync(string type, JsonElement payload, string? requestId = null)
    {
        var answer = await ControlPlane.SendRequestAsync(Agent.AgentId, type, payload, Cancellation, requestId);
        return answer.Payload.Deserialize(ProtocolJsonContext.Default.ResultPayload)!;
    }

    /// <summary>Sends <c>pipeline.run</c> and returns the answer with the started workflow's name (null unless 200).</summary>
    public async Task<(ResultPayload Result, string? WorkflowName)> RunAsync(string runId, string pipelineFqn = PipelineFqn, string? requestId = null)
    {
        var result = await SendAsync(MessageTypes.PipelineRun, RequestPayloads.PipelineRun(pipelineFqn, runId: runId), requestId);
        var started = result.Ok ? result.Data!.Value.Deserialize(ProtocolJsonContext.Default.RunStartedData) : null;
        return (result, started?.WorkflowName);
    }

    public async Task<string> StartRunAsync(string runId, string pipelineFqn = PipelineFqn)
    {
        var (result, workflowName) = await RunAsync(runId, pipelineFqn);
        Assert.True(result.Ok, result.Reason);
        return workflowName!;
    }

    public Task<ReceivedStatus> WaitForStateAsync(string runId, string state) =>
        ControlPlane.WaitForStatusAsync(s => s.RunId == runId && s.PipelineState == state, Cancellation);

    private static async Task<AgentRig> StartAsync(
        string agentId,
        IDictionary<string, string?>? sandboxSettings,
        IDictionary<string, string?>? agentOverrides,
        TimeSpan? timeout,
        Action<IServiceCollection>? replaceServices,
        IDictionary<string, string?>? executorSettings)
    {
        var sandbox = await SandboxServer.StartAsync(sandboxSettings);
        var cancellation = TestTimeouts.Token(timeout);
        var agent = new AgentApplication(sandbox, agentId, Merge(sandbox, executorSettings, agentOverrides)) { ReplaceServices = replaceServices };
        agent.StartServer();
        var welcomed = await sandbox.ControlPlane.WaitForAgentAsync(agentId, cancellation);
        return new AgentRig(sandbox, agent, welcomed, executorSettings, cancellation);
    }

    /// <summary>The executor's settings (with the emulator's URL), then the test's overrides over them.</summary>
    private static Dictionary<string, string?>? Merge(
        SandboxServer sandbox, IDictionary<string, string?>? executorSettings, IDictionary<string, string?>? overrides)
    {
        if (executorSettings is null)
        {
            return overrides is null ? null : new Dictionary<string, string?>(overrides);
        }

        var merged = new Dictionary<string, string?>(executorSettings)
        {
            ["Kubernetes:ApiUrl"] = sandbox.BaseUrl.GetLeftPart(UriPartial.Authority),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged;
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
