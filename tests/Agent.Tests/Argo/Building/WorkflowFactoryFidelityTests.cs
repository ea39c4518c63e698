using Agent.Core.Executors.Argo.Building;
using Agent.Core.Execution;
using K8s = Agent.Core.Executors.Argo.Generated.Models.Io.K8s.Api.Core.V1;

namespace Agent.Tests.Argo.Building;

/// <summary>What a real cluster needs of the built workflow: exit handler only where it can work, executor account, kubelet escaping.</summary>
public sealed class WorkflowFactoryFidelityTests
{
    [Theory]
    [InlineData(RunKind.Automation)]
    [InlineData(RunKind.Application)]
    public void Build_AutomationOrApplication_HasNoExitHandler(object kindValue)
    {
        var kind = (RunKind)kindValue;
        var spec = WorkflowFactoryFixture.Factory().Build(WorkflowFactoryFixture.Run(kind)).Spec!;

        Assert.Null(spec.OnExit);
        Assert.Equal([WorkflowFactory.MainTemplate], spec.Templates!.Select(template => template.Name));
    }

    [Fact]
    public void Build_ControlPlaneValuesWithDollars_DoublesEveryDollarForTheKubelet()
    {
        var run = WorkflowFactoryFixture.Run() with { Config = "password: pa$$word\nhome: $(HOME)\nx: $$(X) $", PipelineFqn = "svc.$(pipelineType)" };

        var spec = WorkflowFactoryFixture.Factory().Build(run).Spec!;

        foreach (var container in spec.Templates!.Select(template => template.Container!))
        {
            var env = Env(container);
            Assert.Equal("password: pa$$$$word\nhome: $$(HOME)\nx: $$$$(X) $$", env["config"]);
            Assert.Equal("svc.$$(pipelineType)", env["ingestionPipelineFQN"]);
            Assert.Equal(WorkflowFactoryFixture.RunId, env["pipelineRunId"]);
        }
    }

    [Fact]
    public void Build_OperatorExtraEnvWithDollars_PassesItAsWritten()
    {
        var options = WorkflowFactoryFixture.Ingestion();
        options.ExtraEnvs = "[PROXY_URL:http://$(PROXY_HOST):3128]";

        var main = WorkflowFactoryFixture.Factory(options).Build(WorkflowFactoryFixture.Run()).Spec!.Templates![0].Container!;

        Assert.Equal("http://$(PROXY_HOST):3128", Env(main)["PROXY_URL"]);
    }

    [Theory]
    [InlineData(false, "ingestion-sa", null, "ingestion-sa")]
    [InlineData(false, "ingestion-sa", "executor-sa", "executor-sa")]
    [InlineData(null, "ingestion-sa", "executor-sa", "executor-sa")]
    [InlineData(true, "ingestion-sa", null, null)]
    [InlineData(null, "ingestion-sa", null, null)]
    public void Build_ServiceAccounts_SetsExecutorAccountWhereArgoNeedsOrIsGivenOne(bool? automount, string serviceAccount, string? executor, string? expected)
    {
        var options = WorkflowFactoryFixture.Ingestion();
        options.AutomountServiceAccountToken = automount;
        options.ServiceAccountName = serviceAccount;
        options.ExecutorServiceAccountName = executor;

        var spec = WorkflowFactoryFixture.Factory(options).Build(WorkflowFactoryFixture.Run()).Spec!;

        Assert.Equal(expected, spec.Executor?.ServiceAccountName);
        Assert.Equal(serviceAccount, spec.ServiceAccountName);
    }

    [Fact]
    public void Build_KubernetesSecretsManager_GivesEveryContainerInClusterSettingsUnlessTheOperatorSetsThem()
    {
        var options = WorkflowFactoryFixture.Ingestion();
        options.SecretsManager = "kubernetes";
        options.ExtraEnvs = "[KUBERNETES_NAMESPACE:secrets-ns]";

        var spec = WorkflowFactoryFixture.Factory(options).Build(WorkflowFactoryFixture.Run()).Spec!;

        Assert.Equal(2, spec.Templates!.Count);
        foreach (var container in spec.Templates.Select(template => template.Container!))
        {
            Assert.Equal("true", Env(container)["KUBERNETES_IN_CLUSTER"]);
            Assert.Single(container.Env!, variable => variable.Name == "KUBERNETES_NAMESPACE");
            Assert.Equal("secrets-ns", Env(container)["KUBERNETES_NAMESPACE"]);
        }
    }

    private static Dictionary<string, string?> Env(K8s.Container container) =>
        container.Env!.ToDictionary(e => e.Name!, e => e.Value);
}
