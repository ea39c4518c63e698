using Agent.Core;
using Agent.Core.Executors.Argo;
using Agent.Core.Link;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Agent.Tests.Link;

/// <summary>Issue 12 finding 6: the shutdown keeps reporting until the flush, and the flush keeps time of its own.</summary>
public sealed class ShutdownOrderTests
{
    /// <summary>The host stops hosted services in reverse order of registration: the watcher must stop after the drain.</summary>
    [Fact]
    public void AddAgentCore_HostedServices_WatcherIsRegisteredBeforeTheControlPlaneClientSoItStopsAfterIt()
    {
        var hosted = new ServiceCollection().AddAgentCore()
            .Where(descriptor => descriptor.ServiceType == typeof(IHostedService))
            .Select(descriptor => descriptor.ImplementationType)
            .ToList();

        Assert.InRange(hosted.IndexOf(typeof(WorkflowWatcher)), 0, hosted.IndexOf(typeof(ControlPlaneService)) - 1);
    }

    [Fact]
    public async Task StopAsync_Shutdown_TheRequestSinkStopsTakingRequests()
    {
        using var harness = new ControlPlaneHarness(new TimerRecordingTimeProvider(), new MaxJitterRandom());
        using var service = harness.CreateService();
        var cancellation = TestTimeouts.Token();
        await service.StartAsync(cancellation);
        await harness.Connector.NextAttemptAsync(cancellation);

        await service.StopAsync(cancellation);

        Assert.True(harness.Requests.Stopped);
        Assert.Equal(ConnectionStatus.Stopped, harness.State.Current.Status);
    }

    [Fact]
    public void FlushTime_InFlightWorkUsedUpTheGrace_IsTheReserve()
    {
        Assert.Equal(ControlPlaneService.FlushReserve, ControlPlaneService.FlushTime(TimeSpan.FromSeconds(-3)));
        Assert.Equal(ControlPlaneService.FlushReserve, ControlPlaneService.FlushTime(TimeSpan.Zero));
    }

    [Fact]
    public void FlushTime_GraceLeftOverTheReserve_IsWhatIsLeft()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), ControlPlaneService.FlushTime(TimeSpan.FromSeconds(15)));
    }
}
