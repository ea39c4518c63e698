using Serilog;

namespace Agent.Gateway.Hosting;

/// <summary>Skeleton: the hosting slice replaces it.</summary>
internal static class GatewayLogging
{
    public static Serilog.ILogger CreateBootstrapLogger() => new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
}
