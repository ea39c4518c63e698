using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Image;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// The node's kubelet for every pod: Pending (ContainerCreating) for <c>PendingSeconds</c>, then container start through
/// <see cref="KubeContainerStart"/> (env, exec limits, the ingestion image), Running for <c>RunningSeconds</c>, then
/// Succeeded or Failed by the program's exit code. The main container is the one named <c>main</c>, else the first.
/// A container whose config cannot be built stays waiting and is retried when a Secret appears in its namespace; one
/// whose config carries <c>sandbox-pending</c> stays waiting with that reason until a test forces its phase.
/// </summary>
internal sealed class Kubelet(KubeStore store, Scheduler scheduler)
{
    private readonly Dictionary<string, PodRuntime> _pods = [];

    /// <summary>Raised (under the gate) when a pod reaches Succeeded or Failed, or is deleted before it did.</summary>
    public event Action<JsonObject, bool>? PodEnded;

    public PodRuntime? Runtime(JsonObject pod) => _pods.GetValueOrDefault(KubeJson.Uid(pod));

    public void Admit(JsonObject pod)
    {
        var key = Key(pod);
        var runtime = new PodRuntime();
        _pods[KubeJson.Uid(pod)] = runtime;
        store.Update(key, p => PodStatus.Pending(p, "ContainerCreating", null, scheduler.Time.GetUtcNow()));
        runtime.Timer = scheduler.After(TimeSpan.FromSeconds(scheduler.Options.PendingSeconds), () => Start(key));
    }

    /// <summary>
    /// Tries to start the main container; leaves it waiting with CreateContainerConfigError when env fails, or with the
    /// reason its config's <c>sandbox-pending</c> marker asks for until a test forces it on (<paramref name="forced"/>).
    /// </summary>
    public void Start(ObjectKey key, bool forced = false)
    {
        if (store.Get(key) is not { } pod || Runtime(pod) is not { Terminated: false, Run: null } runtime)
        {
            return;
        }

        ProgramRun run;
        try
        {
            var secrets = new SecretEnvironment(store, key.Namespace);
            if (!forced && KubeContainerStart.Pending(pod, MainContainer(pod), secrets) is var (reason, message))
            {
                runtime.WaitingReason = reason;
                store.Update(key, p => PodStatus.Pending(p, reason, message, scheduler.Time.GetUtcNow()));
                return;
            }

            run = KubeContainerStart.Launch(pod, MainContainer(pod), secrets, scheduler.Options.DefaultOutcome);
        }
        catch (ContainerConfigException error)
        {
            runtime.WaitingReason = "CreateContainerConfigError";
            store.Update(key, p => PodStatus.Pending(p, "CreateContainerConfigError", error.Message, scheduler.Time.GetUtcNow()));
            return;
        }

        runtime.Run = run;
        runtime.WaitingReason = null;
        runtime.Log.Append(run.StartLines);
        store.Update(key, p => PodStatus.Running(p, scheduler.Time.GetUtcNow()));
        runtime.Timer = scheduler.After(TimeSpan.FromSeconds(scheduler.Options.RunningSeconds), () => Finish(key, null));
    }

    /// <summary>Ends the main container with its program's exit code, or with <paramref name="forcedExitCode"/>.</summary>
    public void Finish(ObjectKey key, int? forcedExitCode)
    {
        if (store.Get(key) is not { } pod || Runtime(pod) is not { Terminated: false } runtime)
        {
            return;
        }

        runtime.Timer?.Dispose();
        var run = runtime.Run;
        if (forcedExitCode is null && run is not null)
        {
            runtime.Log.Append(run.EndLines);
        }

        var exitCode = forcedExitCode ?? run?.ExitCode ?? 0;
        var succeeded = forcedExitCode is null ? run?.Succeeded ?? true : exitCode == 0;
        runtime.Terminated = true;
        var ended = store.Update(key, p => PodStatus.Terminated(p, exitCode, succeeded, scheduler.Time.GetUtcNow()));
        PodEnded?.Invoke(ended, succeeded);
    }

    /// <summary>A deleted pod's containers are killed and its log goes with it; an unfinished one counts as failed.</summary>
    public void Forget(JsonObject pod)
    {
        if (_pods.Remove(KubeJson.Uid(pod), out var runtime))
        {
            runtime.Timer?.Dispose();
            if (!runtime.Terminated && ResourceJson.Phase(pod) is not ("Succeeded" or "Failed"))
            {
                runtime.Terminated = true;
                PodEnded?.Invoke(pod, false);
            }
        }
    }

    /// <summary>The kubelet retries a container waiting on its config; a new Secret is when that can succeed.</summary>
    public void RetryWaiting(string @namespace)
    {
        foreach (var pod in store.Find(KubeKind.Pod, @namespace, pod => Runtime(pod) is { WaitingReason: "CreateContainerConfigError" }))
        {
            Start(Key(pod));
        }
    }

    public static JsonObject MainContainer(JsonObject pod)
    {
        var containers = (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return containers.FirstOrDefault(c => KubeJson.StringAt(c, "name") == EmulatedPod.MainContainer) ?? containers.FirstOrDefault() ?? [];
    }

    private static ObjectKey Key(JsonObject pod) => new(KubeKind.Pod, KubeJson.Namespace(pod), KubeJson.Name(pod));
}
