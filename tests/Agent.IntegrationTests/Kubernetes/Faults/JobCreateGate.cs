using Agent.Core.Executors.Kubernetes;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Sits in the agent's own Kubernetes client, in front of the emulator: counts the Job create calls it sends (409
/// replays included; the twin of <c>ArgoCounts.CreateCalls</c>, which the emulator keeps no count for) and, while
/// closed, holds each create until the gate opens or the agent cancels it, as a slow apiserver would: the twin of
/// <c>Sandbox:Argo:CreateDelaySeconds</c>, released by the test instead of by the clock.
/// </summary>
internal sealed class JobCreateGate : DelegatingHandler
{
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _creates;

    private JobCreateGate(bool open)
    {
        if (open)
        {
            _open.SetResult();
        }
    }

    /// <summary>Job creates the agent sent so far.</summary>
    public long Creates => Interlocked.Read(ref _creates);

    /// <summary>Completes when a Job create reached the gate while it was closed.</summary>
    public Task Held => _held.Task;

    public static JobCreateGate Closed() => new(open: false);

    public static JobCreateGate Counting() => new(open: true);

    public void Open() => _open.TrySetResult();

    /// <summary>Holds the creates that come from now on (those already let through are not called back).</summary>
    public void Close()
    {
        if (_open.Task.IsCompleted)
        {
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>
    /// Replaces the agent's Kubernetes client by one on the API server it was configured with, this gate in its pipeline
    /// (the agent's request-timing handler is left out: these tests read no Kubernetes metrics).
    /// </summary>
    public void Install(IServiceCollection services) => services.AddSingleton<IKubernetes>(provider => new k8s.Kubernetes(
        new KubernetesClientConfiguration { Host = provider.GetRequiredService<IOptions<KubernetesOptions>>().Value.ApiUrl }, this));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/jobs", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _creates);
            var open = _open;
            if (!open.Task.IsCompleted)
            {
                _held.TrySetResult();
            }

            await open.Task.WaitAsync(cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
