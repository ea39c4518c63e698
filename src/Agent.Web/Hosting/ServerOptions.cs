using System.ComponentModel.DataAnnotations;

namespace Agent.Web.Hosting;

/// <summary>The two listeners. Bound from section <c>Server</c>.</summary>
internal sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>Also the port <c>--health-check</c> asks when <c>METRICS_SERVER_PORT</c> is not set.</summary>
    public const int DefaultMetricsPort = 8989;

    /// <summary>Infra port (<c>METRICS_SERVER_PORT</c>): metrics, <c>/health</c> and <c>/ready</c>, unauthenticated. 0 picks a free port.</summary>
    [Range(0, 65535, ErrorMessage = "METRICS_SERVER_PORT must be a port number from 0 to 65535")]
    public int MetricsPort { get; set; } = DefaultMetricsPort;

    /// <summary>Path of the Prometheus metrics (<c>METRICS_SERVER_PATH</c>).</summary>
    [RegularExpression("^/[A-Za-z0-9/_.-]*$", ErrorMessage = "METRICS_SERVER_PATH must be a URL path starting with '/', e.g. /metrics")]
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>Address the infra port binds (<c>METRICS_SERVER_HOST</c>); all interfaces by default so Prometheus and probes reach it.</summary>
    public string InfraHost { get; set; } = "0.0.0.0";

    /// <summary>Admin port (<c>ADMIN_SERVER_PORT</c>): admin API and Swagger UI. 0 picks a free port.</summary>
    [Range(0, 65535, ErrorMessage = "ADMIN_SERVER_PORT must be a port number from 0 to 65535")]
    public int AdminPort { get; set; } = 8585;

    /// <summary>
    /// Address the admin port binds (<c>ADMIN_SERVER_HOST</c>). By default loopback without an API key (reach it
    /// with <c>kubectl port-forward</c>) and all interfaces with one. An address other than loopback without a key is
    /// refused at start.
    /// </summary>
    public string? AdminHost { get; set; }

    /// <summary>API key every admin call must present as <c>Authorization: Bearer</c> (<c>ADMIN_API_KEY</c>), at least 16 bytes. Never logged.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>File holding the admin API key (<c>ADMIN_API_KEY_FILE</c>), e.g. a mounted Secret; re-read when it changes.</summary>
    public string? AdminApiKeyFile { get; set; }

    public bool AdminAuthEnabled => !string.IsNullOrWhiteSpace(AdminApiKey) || !string.IsNullOrWhiteSpace(AdminApiKeyFile);

    /// <summary>The admin bind address in effect.</summary>
    public string EffectiveAdminHost => AdminHost ?? (AdminAuthEnabled ? "0.0.0.0" : "127.0.0.1");
}
