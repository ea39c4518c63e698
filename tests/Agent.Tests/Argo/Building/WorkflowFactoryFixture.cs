using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Building;
using Agent.Core.Identity;
using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Argo.Building;

/// <summary>Options and a run request shared by the workflow-factory tests.</summary>
internal static class WorkflowFactoryFixture
{
    public const string RunId = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    public const string PipelineFqn = "mysql_prod.\"daily metadata\"";

    public static RunRequest Run(RunKind kind = RunKind.Ingestion) =>
        new(RunId, PipelineFqn, "Daily Metadata", "metadata", "source:\n  type: mysql\n", kind);

    public static IngestionOptions Ingestion() => new()
    {
        Image = "openmetadata/ingestion:1.9.0",
        ExtraEnvs = "[HTTP_PROXY:http://proxy:3128, config:must-not-override]",
        ServiceAccountName = "ingestion-sa",
        ImagePullSecrets = "regcred, other-cred",
        AutomountServiceAccountToken = false,
    };

    public static WorkflowFactory Factory(IngestionOptions? ingestion = null) => Factory(Options.Create(ingestion ?? Ingestion()));

    private static WorkflowFactory Factory(IOptions<IngestionOptions> ingestion) => new(
        ingestion,
        new IngestionImage(ingestion, NullLogger<IngestionImage>.Instance),
        Options.Create(new ArgoOptions { Endpoint = "https://argo:2746", Namespace = "ingest", SecondsAfterCompletionTtl = 3600 }),
        new AgentIdentity("agent-7", TimeProvider.System));
}
