using System.Text.Json.Nodes;
using Agent.Benchmarks.Infrastructure;
using Agent.Core.Execution;
using Agent.Core.Executors.Kubernetes;
using Agent.Core.Identity;
using Agent.Core.Ingestion;
using Agent.Sandbox.ControlPlane.Api;
using Agent.Sandbox.Kubernetes.Controllers;
using Agent.Sandbox.Kubernetes.State;
using Agent.Sandbox.Kubernetes.Validation;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agent.Benchmarks.Clusters;

/// <summary>
/// Writes runs into the Kubernetes API emulator as the agent's executor would leave them: the Job and config Secret
/// built by the agent's own <see cref="JobFactory"/> (so the objects the agent then lists, watches and keeps are its
/// real ones, labels and pod template included), the Job already resumed. The Secret is written first and without its
/// owner reference (the Job's uid does not exist yet), so the pod's container can start from it. Both go past the REST
/// create path to the emulator's store and its Job admission: that path sweeps the whole store for orphans and lists
/// every pod per new Secret, which costs minutes at 10,000 runs and measures the emulator, not the agent.
/// </summary>
internal sealed class KubeRuns
{
    private readonly KubeStore _store;
    private readonly JobAdmission _jobs;
    private readonly JobFactory _factory;

    public KubeRuns(IServiceProvider services, string agentId)
    {
        _store = services.GetRequiredService<KubeStore>();
        _jobs = services.GetRequiredService<JobAdmission>();
        var ingestion = Options.Create(new IngestionOptions { Image = "openmetadata/ingestion:1.9.0" });
        _factory = new JobFactory(
            ingestion,
            new IngestionImage(ingestion, NullLogger<IngestionImage>.Instance),
            Options.Create(new KubernetesOptions { Namespace = BenchHost.Namespace }),
            new AgentIdentity(agentId, TimeProvider.System));
    }

    /// <summary>Creates the Secret, then the Job (whose controller makes its pod at once); returns the Job's name.</summary>
    public string Create(string runId, int index)
    {
        var fqn = Runs.PipelineFqn(index);
        var run = new RunRequest(runId, fqn, fqn.Split('.')[^1], Runs.PipelineType, RequestPayloads.DefaultConfig);
        var job = _factory.BuildRun(run);
        var secret = _factory.BuildSecret(run, job.Metadata.Name, JobFactory.OwnerOf("batch/v1", "Job", job.Metadata));
        secret.Metadata.OwnerReferences = null;
        var secretBody = ToJson(secret);
        SecretValidator.MergeStringData(secretBody);
        var jobBody = ToJson(job);
        jobBody["spec"]!["suspend"] = false;
        lock (_store.Gate)
        {
            _store.Create(KubeKind.Secret, secretBody);
            _jobs.Create(jobBody);
        }

        return job.Metadata.Name;
    }

    private static JsonObject ToJson(object resource) => JsonNode.Parse(KubernetesJson.Serialize(resource))!.AsObject();
}
