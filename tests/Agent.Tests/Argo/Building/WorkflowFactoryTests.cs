using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Building;
using Agent.Core.Execution;
using Agent.Core.Ingestion;
using K8s = Agent.Core.Executors.Argo.Generated.Models.Io.K8s.Api.Core.V1;

namespace Agent.Tests.Argo.Building;

public class WorkflowFactoryTests
{
    [Fact]
    public void Build_Run_HasDeterministicNameAndNamespace()
    {
        var run = WorkflowFactoryFixture.Run();

        var workflow = WorkflowFactoryFixture.Factory().Build(run);

        Assert.Equal(WorkflowNames.ForRun("Daily Metadata", WorkflowFactoryFixture.RunId), workflow.Metadata!.Name);
        Assert.Equal(WorkflowFactoryFixture.Factory().Build(run).Metadata!.Name, workflow.Metadata.Name);
        Assert.Equal("ingest", workflow.Metadata.Namespace);
    }

    [Fact]
    public void Build_Run_LabelsIdentifyAgentRunAndPipeline()
    {
        var labels = WorkflowFactoryFixture.Factory().Build(WorkflowFactoryFixture.Run()).Metadata!.Labels!.AdditionalData;

        Assert.Equal("agent-7", labels[WorkflowLabels.AgentId]);
        Assert.Equal(WorkflowFactoryFixture.RunId, labels[WorkflowLabels.RunId]);
        Assert.Equal(LabelValues.ForPipeline(WorkflowFactoryFixture.PipelineFqn), labels[WorkflowLabels.Pipeline]);
        Assert.Equal("metadata", labels[WorkflowLabels.PipelineType]);
        Assert.Equal(WorkflowLabels.ManagedByValue, labels[WorkflowLabels.ManagedBy]);
        Assert.All(labels.Values, value => Assert.True(DnsLabel.IsLabelValue((string)value)));
    }

    [Fact]
    public void Build_Run_AnnotationsKeepExactFqnAndRunId()
    {
        var annotations = WorkflowFactoryFixture.Factory().Build(WorkflowFactoryFixture.Run()).Metadata!.Annotations!.AdditionalData;

        Assert.Equal(WorkflowFactoryFixture.PipelineFqn, annotations[WorkflowLabels.PipelineFqnAnnotation]);
        Assert.Equal(WorkflowFactoryFixture.RunId, annotations[WorkflowLabels.RunIdAnnotation]);
    }

    [Fact]
    public void Build_Run_HasEntrypointExitHandlerTtlAndPodSettings()
    {
        var spec = WorkflowFactoryFixture.Factory().Build(WorkflowFactoryFixture.Run()).Spec!;

        Assert.Equal(WorkflowFactory.MainTemplate, spec.Entrypoint);
        Assert.Equal(WorkflowFactory.ExitTemplate, spec.OnExit);
        Assert.Equal([WorkflowFactory.MainTemplate, WorkflowFactory.ExitTemplate], spec.Templates!.Select(t => t.Name));
        Assert.Equal(3600, spec.TtlStrategy!.SecondsAfterCompletion);
        Assert.Equal("ingestion-sa", spec.ServiceAccountName);
        Assert.False(spec.AutomountServiceAccountToken);
        Assert.Equal(["regcred", "other-cred"], spec.ImagePullSecrets!.Select(secret => secret.Name));
        Assert.Equal("agent-7", spec.PodMetadata!.Labels!.AdditionalData[WorkflowLabels.AgentId]);
    }

    [Fact]
    public void Build_NoServiceAccountOrPullSecrets_LeavesThemUnset()
    {
        var options = WorkflowFactoryFixture.Ingestion();
        options.ServiceAccountName = " ";
        options.ImagePullSecrets = " , ";

        var spec = WorkflowFactoryFixture.Factory(options).Build(WorkflowFactoryFixture.Run()).Spec!;

        Assert.Null(spec.ServiceAccountName);
        Assert.Null(spec.ImagePullSecrets);
    }

    [Fact]
    public void Build_Run_MainContainerRunsMainPyWithOptionsImageAndEnv()
    {
        var main = Template(WorkflowFactory.MainTemplate).Container!;

        Assert.Equal("openmetadata/ingestion:1.9.0", main.Image);
        Assert.Equal(["python", "main.py"], main.Command!);
        var env = Env(main);
        Assert.Equal("source:\n  type: mysql\n", env["config"]);
        Assert.Equal("metadata", env["pipelineType"]);
        Assert.Equal(WorkflowFactoryFixture.RunId, env["pipelineRunId"]);
        Assert.Equal(WorkflowFactoryFixture.PipelineFqn, env["ingestionPipelineFQN"]);
        Assert.Equal("http://proxy:3128", env["HTTP_PROXY"]);
    }

    [Fact]
    public void Build_ExtraEnvNamedLikeBuiltIn_DoesNotOverrideIt()
    {
        var main = Template(WorkflowFactory.MainTemplate).Container!;

        Assert.Single(main.Env!, e => e.Name == "config");
        Assert.Equal("source:\n  type: mysql\n", Env(main)["config"]);
    }

    [Fact]
    public void Build_Run_MainContainerHasConfiguredResources()
    {
        var options = new IngestionOptions().Resources;
        var resources = Template(WorkflowFactory.MainTemplate).Container!.Resources!;

        Assert.Equal(options.CpuLimit, resources.Limits!.AdditionalData["cpu"]);
        Assert.Equal(options.MemoryLimit, resources.Limits.AdditionalData["memory"]);
        Assert.Equal(options.CpuRequest, resources.Requests!.AdditionalData["cpu"]);
        Assert.Equal(options.MemoryRequest, resources.Requests.AdditionalData["memory"]);
    }

    [Fact]
    public void Build_Run_ExitHandlerGetsWorkflowStatus()
    {
        var exit = Template(WorkflowFactory.ExitTemplate).Container!;

        Assert.Equal(["python", "exit_handler.py"], exit.Command!);
        Assert.Equal("openmetadata/ingestion:1.9.0", exit.Image);
        var env = Env(exit);
        Assert.Equal("{{workflow.status}}", env["pipelineStatus"]);
        Assert.Equal(WorkflowFactoryFixture.RunId, env["pipelineRunId"]);
        Assert.Equal(WorkflowFactoryFixture.PipelineFqn, env["ingestionPipelineFQN"]);
    }

    [Theory]
    [InlineData(RunKind.Application, new[] { "python", "-m", "metadata.applications.runner" })]
    [InlineData(RunKind.Automation, new[] { "python", "run_automation.py" })]
    public void Build_OtherRunKinds_UseTheirEntrypoint(object kindValue, string[] command)
    {
        var kind = (RunKind)kindValue;
        var main = WorkflowFactoryFixture.Factory().Build(WorkflowFactoryFixture.Run(kind)).Spec!.Templates!
            .Single(t => t.Name == WorkflowFactory.MainTemplate).Container!;

        Assert.Equal(command, main.Command!);
    }

    [Fact]
    public void Build_WithRetries_SetsRetryStrategy()
    {
        var run = WorkflowFactoryFixture.Run() with { Retries = 3, RetryDelaySeconds = 30 };

        var retry = WorkflowFactoryFixture.Factory().Build(run).Spec!.Templates!.Single(t => t.Name == WorkflowFactory.MainTemplate).RetryStrategy;

        Assert.NotNull(retry);
        Assert.Equal("3", retry.Limit);
        Assert.Equal("30s", retry.Backoff!.Duration);
        Assert.Null(Template(WorkflowFactory.MainTemplate).RetryStrategy);
    }

    private static Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1.Template Template(string name) =>
        WorkflowFactoryFixture.Factory().Build(WorkflowFactoryFixture.Run()).Spec!.Templates!.Single(t => t.Name == name);

    private static Dictionary<string, string?> Env(K8s.Container container) =>
        container.Env!.ToDictionary(e => e.Name!, e => e.Value);
}
