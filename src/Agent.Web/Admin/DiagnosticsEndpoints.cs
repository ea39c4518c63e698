using System.Runtime.InteropServices;
using Agent.Core.Execution;
using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Kubernetes;
using Agent.Core.Identity;
using Agent.Web.Configuration;
using Agent.Web.Health;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Agent.Web.Admin;

/// <summary><c>GET /admin/diagnostics</c>: versions, redacted configuration and a check of the executor's backend (Argo or Kubernetes).</summary>
internal static class DiagnosticsEndpoints
{
    public const string Redacted = "***";

    public static async Task<Ok<DiagnosticsView>> GetDiagnosticsAsync(
        IConfiguration configuration,
        [FromServices] IArgoWorkflowClient? argo,
        IOptions<ArgoOptions> argoOptions,
        IRunExecutor executor,
        IOptions<KubernetesOptions> kubernetesOptions,
        AgentIdentity identity,
        CancellationToken cancellationToken)
    {
        var kubernetes = ExecutorSelection.Read(configuration) == ExecutorKind.Kubernetes;
        var entries = EnvironmentVariableMap.All
            .Select(variable => new ConfigurationEntry(
                variable.Names[0],
                variable.Key,
                Redact(configuration[variable.Key], variable.IsSecret),
                variable.IsSecret))
            .ToList();
        return TypedResults.Ok(new DiagnosticsView(
            AgentIdentity.Version,
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            identity.StartedAt,
            kubernetes ? "simpleK8s" : "argo",
            entries,
            kubernetes || argo is null ? null : await CheckArgoAsync(argo, argoOptions.Value, cancellationToken),
            kubernetes ? await CheckKubernetesAsync(executor, kubernetesOptions.Value, cancellationToken) : null));
    }

    private static string? Redact(string? value, bool isSecret) => isSecret && !string.IsNullOrEmpty(value) ? Redacted : value;

    private static async Task<ArgoCheck> CheckArgoAsync(IArgoWorkflowClient argo, ArgoOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        string? version = null;
        try
        {
            version = await argo.GetVersionAsync(timeout.Token);
            await argo.CheckAccessAsync(timeout.Token);
            return new ArgoCheck(options.Endpoint, options.Namespace, true, version, true, null);
        }
        catch (ArgoException ex)
        {
            var reachable = version is not null || ex.Kind is not ArgoErrorKind.Unavailable;
            return new ArgoCheck(options.Endpoint, options.Namespace, reachable, version, false, $"{ex.Kind}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ArgoCheck(options.Endpoint, options.Namespace, false, version, false, "the Argo Server did not answer within 5 s");
        }
    }

    private static async Task<KubernetesCheck> CheckKubernetesAsync(IRunExecutor executor, KubernetesOptions options, CancellationToken cancellationToken)
    {
        var apiServer = KubernetesHealthCheck.Where(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            return new KubernetesCheck(apiServer, options.Namespace, true, await executor.GetVersionAsync(timeout.Token), null);
        }
        catch (ExecutorException ex)
        {
            return new KubernetesCheck(apiServer, options.Namespace, ex.Kind is not ExecutorErrorKind.Unavailable, null, $"{ex.Kind}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new KubernetesCheck(apiServer, options.Namespace, false, null, "the Kubernetes API server did not answer within 5 s");
        }
    }
}
