using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Building;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Identity;
using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Agent.Sandbox.ControlPlane.Api;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Serialization.Json;

namespace Agent.Benchmarks.Micro;

/// <summary>Building the Argo Workflow of a run, and writing it as the JSON body of the create call.</summary>
[MemoryDiagnoser]
public class WorkflowFactoryBenchmarks
{
    private WorkflowFactory _factory = null!;
    private RunRequest _run = null!;
    private Workflow _built = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ingestion = Options.Create(new IngestionOptions
        {
            Image = "openmetadata/ingestion:1.9.0",
            ExtraEnvs = "[AWS_DEFAULT_REGION:eu-west-1, AWS_ACCESS_KEY_ID:key]",
            ImagePullSecrets = "registry-creds",
        });
        _factory = new WorkflowFactory(
            ingestion,
            new IngestionImage(ingestion, NullLogger<IngestionImage>.Instance),
            Options.Create(new ArgoOptions { Namespace = "ingestion" }),
            new AgentIdentity("agent-eu-1", TimeProvider.System));
        _run = new RunRequest(
            "5f0c2a8e-1d7b-4c1e-9a53-0b1f6f7e2c11", "mysql_prod.metadata_ingestion", "metadata_ingestion", "metadata",
            RequestPayloads.DefaultConfig, Retries: 2, RetryDelaySeconds: 30);
        _built = _factory.Build(_run);
    }

    [Benchmark(Description = "WorkflowFactory.Build")]
    public object Build() => _factory.Build(_run);

    [Benchmark(Description = "serialize built workflow (Kiota JSON)")]
    public long Serialize() => Write(_built);

    [Benchmark(Description = "Build + serialize")]
    public long BuildAndSerialize() => Write(_factory.Build(_run));

    private static long Write(Workflow workflow)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, workflow);
        using var content = writer.GetSerializedContent();
        return content.Length;
    }
}
