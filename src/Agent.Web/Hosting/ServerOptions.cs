using System.ComponentModel.DataAnnotations;

namespace Agent.Web.Hosting;

/// <summary>The two listeners. Bound from section <c>Server</c>.</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>Infra port (<c>METRICS_SERVER_PORT</c>): metrics, <c>/health</c> and <c>/ready</c>, unauthenticated. 0 picks a free port.</summary>
    [Range(0, 65535, ErrorMessage = "METRICS_SERVER_PORT must be a port number from 0 to 65535")]
    public int MetricsPort { get; set; } = 8989;

    /// <summary>Path of the Prometheus metrics (<c>METRICS_SERVER_PATH</c>).</summary>
    [RegularExpression("^/[A-Za-z0-9/_.-]*$", ErrorMessage = "METRICS_SERVER_PATH must be a URL path starting with '/', e.g. /metrics")]
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>Address the infra port binds (<c>METRICS_SERVER_HOST</c>); all interfaces by default so Prometheus and probes reach it.</summary>
    public string InfraHost { get; set; } = "0.0.0.0";

    /// <summary>Admin port (<c>ADMIN_SERVER_PORT</c>): admin API and Swagger UI. 0 picks a free port.</summary>
    [Range(0, 65535, ErrorMessage = "ADMIN_SERVER_PORT must be a port number from 0 to 65535")]
    public int AdminPort { get; set; } = 8585;

    /// <summary>Address the admin port binds; loopback until admin authentication is configured.</summary>
    public string AdminHost { get; set; } = "127.0.0.1";
}
