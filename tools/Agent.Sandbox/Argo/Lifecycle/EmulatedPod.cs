namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// A pod of a workflow (FIDELITY §1.4): the labels and annotations Argo's workflowpod.go gives it, its containers
/// (<c>init</c>, <c>wait</c>, <c>main</c>), and the log of <c>main</c>. Its phase changes only through
/// <see cref="WorkflowPods"/>, which readers of the log API wait on.
/// </summary>
internal sealed class EmulatedPod(string name, string nodeId, string nodeName, IReadOnlyDictionary<string, string> labels)
{
    public const string MainContainer = "main";
    public const string WorkflowLabel = "workflows.argoproj.io/workflow";
    public const string CompletedLabel = "workflows.argoproj.io/completed";
    public const string OnExitLabel = "workflows.argoproj.io/on-exit";

    private static readonly string[] ContainerNames = ["init", "wait", MainContainer];

    public string Name { get; } = name;

    public string Uid { get; } = Guid.NewGuid().ToString();

    public IReadOnlyDictionary<string, string> Labels { get; } = labels;

    public IReadOnlyDictionary<string, string> Annotations { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["workflows.argoproj.io/node-name"] = nodeName,
        ["workflows.argoproj.io/node-id"] = nodeId,
        ["kubectl.kubernetes.io/default-container"] = MainContainer,
    };

    public PodPhase Phase { get; internal set; } = PodPhase.Pending;

    public ContainerLog MainLog { get; } = new();

    public static bool HasContainer(string container) => ContainerNames.Contains(container, StringComparer.Ordinal);
}
