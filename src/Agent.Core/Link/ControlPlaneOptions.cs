using System.ComponentModel.DataAnnotations;
using Agent.Core.Protocol;

namespace Agent.Core.Link;

/// <summary>How the agent reaches the control plane. Bound from section <c>ControlPlane</c>.</summary>
internal sealed class ControlPlaneOptions
{
    public const string SectionName = "ControlPlane";

    /// <summary>Unique id of this agent (<c>AGENT_ID</c>); the control plane assigns pipelines to it.</summary>
    [Required(ErrorMessage = "AGENT_ID is required: set it to this agent's unique id")]
    public string AgentId { get; set; } = string.Empty;

    /// <summary>Control-plane WebSocket URL (<c>SERVER_URL</c>), e.g. <c>wss://collate.example.com</c>.</summary>
    [Required(ErrorMessage = "SERVER_URL is required, e.g. wss://<collate_host>")]
    public string ServerUrl { get; set; } = string.Empty;

    /// <summary>Bearer token for the control plane (<c>AUTH_TOKEN</c>). Never logged.</summary>
    [Required(ErrorMessage = "AUTH_TOKEN is required: the control-plane access token")]
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>Allows <c>ws://</c> to a host that is not loopback (<c>ALLOW_INSECURE_WEBSOCKET</c>).</summary>
    public bool AllowInsecureWebSocket { get; set; }

    /// <summary>
    /// Control-plane REST API URL (<c>SERVER_HOST_API_URL</c>). The chart renders it next to <c>SERVER_URL</c>; an
    /// <c>http://</c> value for the same host is how its <c>useSecureProtocols: false</c> reaches the agent.
    /// </summary>
    public string? ServerHostApiUrl { get; set; }

    /// <summary>Time allowed for <c>welcome</c> after <c>hello</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "ControlPlane:HandshakeTimeout must be between 100 ms and 5 minutes")]
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest frame accepted or sent; larger frames are refused without being buffered.</summary>
    [Range(1024, 256 * 1024 * 1024, ErrorMessage = "ControlPlane:MaxMessageBytes must be between 1 KiB and 256 MiB")]
    public int MaxMessageBytes { get; set; } = ProtocolVersion.DefaultMaxMessageBytes;

    /// <summary>Longest wait between reconnect attempts (<c>RECONNECT_DELAY_SECONDS</c> when set).</summary>
    [Range(1, 3600, ErrorMessage = "RECONNECT_DELAY_SECONDS must be between 1 and 3600")]
    public int ReconnectDelaySeconds { get; set; } = 60;

    /// <summary>WebSocket ping interval; a pong must come back within <see cref="KeepAliveTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "ControlPlane:KeepAliveInterval must be between 1 s and 10 minutes")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "ControlPlane:KeepAliveTimeout must be between 1 s and 10 minutes")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Longest <c>id</c> (and <c>replyTo</c>) accepted from the control plane, in characters. A longer one is answered
    /// with an <c>error</c> and not executed: request ids are kept with their answers, so they must be bounded.
    /// </summary>
    [Range(36, 4096, ErrorMessage = "ControlPlane:MaxIdLength must be between 36 (a UUID) and 4096")]
    public int MaxIdLength { get; set; } = MessageCodec.DefaultMaxIdLength;

    /// <summary>Operations executing at once; requests past it are answered 429.</summary>
    [Range(1, 1024, ErrorMessage = "ControlPlane:MaxConcurrentOperations must be between 1 and 1024")]
    public int MaxConcurrentOperations { get; set; } = 32;

    /// <summary>Reliable messages kept until acknowledged; producers wait when it is full.</summary>
    [Range(16, 1_000_000, ErrorMessage = "ControlPlane:OutboxCapacity must be between 16 and 1000000")]
    public int OutboxCapacity { get; set; } = 10_000;

    /// <summary>
    /// Answers waiting for room in a full outbox at most. Past it, a request is neither executed nor remembered: the
    /// session answers it with an <c>error</c> so the control plane sends it again once it has acknowledged results.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "ControlPlane:MaxRepliesWaitingForOutbox must be between 1 and 1000000")]
    public int MaxRepliesWaitingForOutbox { get; set; } = 1024;

    public const int DefaultResultCacheMaxEntries = 50_000;

    public const long DefaultResultCacheMaxBytes = 64L * 1024 * 1024;

    /// <summary>Answers kept for duplicate requests at most; past it the oldest acknowledged ones are forgotten early.</summary>
    [Range(100, 10_000_000, ErrorMessage = "ControlPlane:ResultCacheMaxEntries must be between 100 and 10000000")]
    public int ResultCacheMaxEntries { get; set; } = DefaultResultCacheMaxEntries;

    /// <summary>Estimated bytes of answers kept for duplicate requests at most; past it the oldest acknowledged ones are forgotten early.</summary>
    [Range(typeof(long), "1048576", "17179869184", ErrorMessage = "ControlPlane:ResultCacheMaxBytes must be between 1 MiB and 16 GiB")]
    public long ResultCacheMaxBytes { get; set; } = DefaultResultCacheMaxBytes;

    /// <summary>On SIGTERM, how long in-flight operations may run on and the outbox may take to flush (<c>SHUTDOWN_GRACE_SECONDS</c>).</summary>
    [Range(0, 600, ErrorMessage = "SHUTDOWN_GRACE_SECONDS must be between 0 and 600")]
    public int ShutdownGraceSeconds { get; set; } = 20;

    /// <summary>PEM file of extra CA certificates to trust for <c>wss://</c> (<c>SERVER_CA_BUNDLE_PATH</c>), e.g. a corporate TLS proxy's.</summary>
    public string? CaBundlePath { get; set; }

    /// <summary>The connect URI: <see cref="ServerUrl"/> with the default path appended when it has none.</summary>
    public Uri ConnectUri => ServerUrlRules.ToConnectUri(ServerUrl);
}
