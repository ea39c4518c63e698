namespace Agent.Sandbox;

/// <summary>
/// Which sandbox process this is (<c>GET /sandbox/info</c>). <c>scripts/demo.sh</c> starts the sandbox with its own
/// <c>--instance-id</c> and checks it before trusting an answer, so it never reports a run that another process on the
/// same port (an older sandbox, say) served.
/// </summary>
/// <param name="InstanceId">From <c>--instance-id</c> (configuration <c>Sandbox:InstanceId</c>); a new GUID when not given.</param>
/// <param name="StartedAt">When the app was built.</param>
internal sealed record SandboxInstance(string InstanceId, DateTimeOffset StartedAt)
{
    public const string ConfigurationKey = "Sandbox:InstanceId";

    /// <summary>The command-line switch mapped onto <see cref="ConfigurationKey"/>.</summary>
    public const string Switch = "--instance-id";

    public static SandboxInstance From(IConfiguration configuration, TimeProvider time)
    {
        var configured = configuration[ConfigurationKey];
        return new SandboxInstance(string.IsNullOrWhiteSpace(configured) ? Guid.NewGuid().ToString() : configured, time.GetUtcNow());
    }
}
