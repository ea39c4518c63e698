using Agent.Core.Link;
using Microsoft.Extensions.Options;

namespace Agent.Web.Hosting;

/// <summary>
/// Leaves the host time on SIGTERM to finish in-flight operations and flush the outbox (ControlPlaneService.StopAsync):
/// the grace period (<c>SHUTDOWN_GRACE_SECONDS</c>), then the flush's own reserve should in-flight work have used up
/// the grace. Read from the validated options, so the default and the range live in <see cref="ControlPlaneOptions"/> only.
/// </summary>
internal sealed class HostShutdownTimeout(IOptions<ControlPlaneOptions> controlPlane) : IConfigureOptions<HostOptions>
{
    public void Configure(HostOptions options)
    {
        try
        {
            options.ShutdownTimeout = TimeSpan.FromSeconds(controlPlane.Value.ShutdownGraceSeconds) + ControlPlaneService.FlushReserve;
        }
        catch (OptionsValidationException)
        {
            // The host reads its options while it is built, before ValidateConfiguration checks every option together:
            // failing here would report the control-plane problems alone and hide the others. The start stops there,
            // so no host ever runs with the default timeout left in place.
        }
    }
}
