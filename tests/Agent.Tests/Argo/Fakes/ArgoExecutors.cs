using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Building;
using Agent.Core.Executors.Argo.Customization;
using Agent.Core.Identity;
using Agent.Core.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Argo.Fakes;

/// <summary>The real <see cref="ArgoRunExecutor"/> over a fake Argo client, as the handlers reach Argo through the seam.</summary>
internal static class ArgoExecutors
{
    public static ArgoRunExecutor Over(
        IArgoWorkflowClient argo,
        string agentId = FakeArgo.AgentId,
        RunTerminator? terminator = null,
        ArgoRunIds? runIds = null,
        ArgoOptions? options = null)
    {
        var argoOptions = Options.Create(options ?? new ArgoOptions { Namespace = "ns" });
        var ingestion = new IngestionOptions { Image = "openmetadata/ingestion:1" };
        var ingestionOptions = Options.Create(ingestion);
        var workflows = new WorkflowFactory(ingestionOptions, new IngestionImage(ingestionOptions, NullLogger<IngestionImage>.Instance), argoOptions, new AgentIdentity(agentId, new FakeTimeProvider()));
        var builder = new ArgoRunBuilder(
            workflows, new CronWorkflowFactory(argoOptions), new WorkflowCustomizer(PodCustomization.Load(ingestion)), LocalPolicy.AllowAll);
        return new ArgoRunExecutor(
            argo,
            new OwnedWorkflows(argo, new NoCronWorkflows(), agentId),
            builder,
            terminator ?? new RunTerminator(argo, argoOptions, new FakeTimeProvider(), NullLogger<RunTerminator>.Instance),
            runIds ?? new ArgoRunIds(),
            argoOptions);
    }
}
