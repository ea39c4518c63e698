using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Sits in the agent's own Kubernetes client, in front of the emulator: counts the create calls of one resource it
/// sends (Jobs by default; 409 replays included; the twin of <c>ArgoCounts.CreateCalls</c>, which the emulator keeps no
/// count for) and, while closed, holds each until the gate opens or the agent cancels it, as a slow apiserver would:
/// the twin of <c>Sandbox:Argo:CreateDelaySeconds</c>, released by the test instead of by the clock.
/// </summary>
internal sealed class CreateGate : DelegatingHandler
{
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _collection;
    private volatile TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _creates;

    private CreateGate(string resource, bool open)
    {
        _collection = "/" + resource;
        if (open)
        {
            _open.SetResult();
        }
    }

    /// <summary>Creates the agent sent so far.</summary>
    public long Creates => Interlocked.Read(ref _creates);

    /// <summary>Completes when a create reached the gate while it was closed.</summary>
    public Task Held => _held.Task;

    /// <summary>A closed gate on the creates of <paramref name="resource"/> (the plural of the API path: jobs, secrets).</summary>
    public static CreateGate Closed(string resource = "jobs") => new(resource, open: false);

    public static CreateGate Counting(string resource = "jobs") => new(resource, open: true);

    /// <summary>Lets the held creates and all later ones through.</summary>
    public void Open()
    {
        if (!_open.TrySetResult() && _open.Task.IsFaulted)
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            _open = open;
        }
    }

    /// <summary>Fails the held creates, and later ones until <see cref="Open"/>, as a reset connection to the apiserver.</summary>
    public void Fail() => _open.TrySetException(new HttpRequestException("connection to the apiserver reset (test)"));

    /// <summary>Holds the creates that come from now on (those already let through are not called back).</summary>
    public void Close()
    {
        if (_open.Task.IsCompleted)
        {
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>For <c>replaceServices</c>: the agent's Kubernetes client goes through this handler (<see cref="AgentKubernetesClient"/>).</summary>
    public void Install(IServiceCollection services) => AgentKubernetesClient.Through(services, this);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith(_collection, StringComparison.Ordinal))
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
