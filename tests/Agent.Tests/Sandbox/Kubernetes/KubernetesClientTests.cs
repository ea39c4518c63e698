using System.Threading.Channels;
using Agent.Tests.Sandbox.Argo;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>
/// The emulator driven by the official KubernetesClient package, as the Kubernetes executor will drive it: the paths,
/// JSON, watch stream, bookmark, pod log, background delete and 410 must all be what the client expects.
/// </summary>
public sealed class KubernetesClientTests
{
    [Fact]
    public async Task Job_WithOwnedSecret_WatchedToCompletion_LogRead_BackgroundDeleteCollectsSecret()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = sandbox.BaseUrl.ToString() });
        var job = await client.BatchV1.CreateNamespacedJobAsync(IngestionJob("run-1", "run-1-config"), KubeSandbox.Namespace);
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = "run-1-config",
                OwnerReferences = [new V1OwnerReference { ApiVersion = "batch/v1", Kind = "Job", Name = "run-1", Uid = job.Metadata.Uid }],
            },
            StringData = new Dictionary<string, string> { ["config"] = Workflows.ValidConfig },
        }, KubeSandbox.Namespace);

        using var stop = new CancellationTokenSource(TestTimeouts.Default);
        var watchOpened = WatchOpenedAsync(sandbox);
        var events = Channel.CreateUnbounded<(WatchEventType Type, V1Job Job)>();
        var watching = Task.Run(async () =>
        {
            await foreach (var item in client.BatchV1.WatchListNamespacedJobAsync(
                namespaceParameter: KubeSandbox.Namespace, allowWatchBookmarks: true, resourceVersion: job.Metadata.ResourceVersion, cancellationToken: stop.Token))
            {
                await events.Writer.WriteAsync(item);
            }
        });
        await watchOpened;
        await sandbox.PostAsync("/sandbox/kubernetes/watch/bookmark", new System.Text.Json.Nodes.JsonObject());
        await client.BatchV1.PatchNamespacedJobAsync(new V1Patch(new { spec = new { suspend = false } }, V1Patch.PatchType.MergePatch), "run-1", KubeSandbox.Namespace);
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        sandbox.Time.Advance(TimeSpan.FromSeconds(2));

        var seen = new List<WatchEventType>();
        V1Job? finished = null;
        while (finished is null)
        {
            var (type, update) = await events.Reader.ReadAsync(stop.Token);
            seen.Add(type);
            finished = update.Status?.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true ? update : null;
        }

        Assert.Contains(WatchEventType.Bookmark, seen);
        Assert.Equal(["SuccessCriteriaMet", "Complete"], finished.Status.Conditions.Where(c => c.Status == "True").Select(c => c.Type));
        var pod = Assert.Single((await client.CoreV1.ListNamespacedPodAsync(KubeSandbox.Namespace, labelSelector: "job-name=run-1")).Items);
        Assert.Equal("Succeeded", pod.Status.Phase);
        using var log = await client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, KubeSandbox.Namespace, container: "main", tailLines: 1);
        Assert.Equal("[main] Workflow finished: Succeeded\n", await new StreamReader(log).ReadToEndAsync());

        await client.BatchV1.DeleteNamespacedJobAsync("run-1", KubeSandbox.Namespace, propagationPolicy: "Background");

        Assert.Empty((await client.CoreV1.ListNamespacedSecretAsync(KubeSandbox.Namespace)).Items);
        Assert.Empty((await client.CoreV1.ListNamespacedPodAsync(KubeSandbox.Namespace)).Items);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
    }

    [Fact]
    public async Task TooOldResourceVersion_ReachesOnErrorAs410Expired()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = sandbox.BaseUrl.ToString() });
        var job = await client.BatchV1.CreateNamespacedJobAsync(IngestionJob("run-2", "cfg"), KubeSandbox.Namespace);
        await sandbox.PostAsync("/sandbox/kubernetes/watch/compact", new System.Text.Json.Nodes.JsonObject());
        var error = new TaskCompletionSource<Exception>();

        await foreach (var _ in client.BatchV1.WatchListNamespacedJobAsync(
            namespaceParameter: KubeSandbox.Namespace, resourceVersion: job.Metadata.ResourceVersion, onError: e => error.TrySetResult(e)))
        {
            Assert.Fail("no event may precede the expiry");
        }

        var status = Assert.IsType<KubernetesException>(await error.Task.WaitAsync(TestTimeouts.Default)).Status;
        Assert.Equal(410, status.Code);
        Assert.Equal("Expired", status.Reason);
    }

    [Fact]
    public async Task DuplicateCreate_SurfacesAsHttpOperationExceptionWith409Status()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = sandbox.BaseUrl.ToString() });
        await client.BatchV1.CreateNamespacedJobAsync(IngestionJob("run-3", "cfg"), KubeSandbox.Namespace);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.BatchV1.CreateNamespacedJobAsync(IngestionJob("run-3", "cfg"), KubeSandbox.Namespace));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("\"reason\":\"AlreadyExists\"", error.Response.Content, StringComparison.Ordinal);
    }

    private static V1Job IngestionJob(string name, string secret) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1JobSpec
        {
            Suspend = true,
            BackoffLimit = 0,
            Template = new V1PodTemplateSpec
            {
                Spec = new V1PodSpec
                {
                    RestartPolicy = "Never",
                    Containers =
                    [
                        new V1Container
                        {
                            Name = "main",
                            Image = "openmetadata/ingestion-base:1.9",
                            Command = ["python", "main.py"],
                            Env =
                            [
                                new V1EnvVar { Name = "config", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = "config" } } },
                                new V1EnvVar { Name = "pipelineType", Value = "metadata" },
                                new V1EnvVar { Name = "pipelineRunId", Value = Workflows.RunId },
                            ],
                        },
                    ],
                },
            },
        },
    };

    /// <summary>
    /// A change made after a list but before the watch from that list's version opens is replayed to the client first
    /// thing, with the watch options the Job watcher uses: nothing between a relist and its watch is lost, also right
    /// after the history was compacted (a 410 relist).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Watch_FromTheListsVersion_GetsAChangeMadeBeforeItOpened(bool compactFirst)
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = sandbox.BaseUrl.ToString() });
        await client.BatchV1.CreateNamespacedJobAsync(IngestionJob("run-1", "run-1-config"), KubeSandbox.Namespace);
        if (compactFirst)
        {
            await sandbox.PostAsync("/sandbox/kubernetes/watch/compact", new System.Text.Json.Nodes.JsonObject());
        }

        var listed = await client.BatchV1.ListNamespacedJobAsync(KubeSandbox.Namespace);
        await client.BatchV1.PatchNamespacedJobAsync(
            new V1Patch(new { metadata = new { labels = new Dictionary<string, string> { ["changed"] = "after-list" } } }, V1Patch.PatchType.MergePatch),
            "run-1", KubeSandbox.Namespace);

        using var stop = new CancellationTokenSource(TestTimeouts.Default);
        await foreach (var (type, job) in client.BatchV1.WatchListNamespacedJobAsync(
            KubeSandbox.Namespace, allowWatchBookmarks: true, resourceVersion: listed.Metadata.ResourceVersion, timeoutSeconds: 300, cancellationToken: stop.Token))
        {
            Assert.Equal(WatchEventType.Modified, type);
            Assert.Equal("after-list", job.Metadata.Labels["changed"]);
            return;
        }

        Assert.Fail("the watch ended without the change");
    }

    /// <summary>Completes when the emulator opens a watch; take it before starting the client's.</summary>
    private static Task WatchOpenedAsync(SandboxServer sandbox)
    {
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Agent.Sandbox.Kubernetes.KubernetesEmulator>(sandbox.Services).Store;
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.WatchOpened += _ => opened.TrySetResult();
        return opened.Task.WaitAsync(TestTimeouts.Default);
    }
}
