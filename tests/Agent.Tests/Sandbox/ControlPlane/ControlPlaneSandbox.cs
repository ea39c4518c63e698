using System.Globalization;
using Agent.Sandbox.ControlPlane;

namespace Agent.Tests.Sandbox.ControlPlane;

/// <summary>
/// The kit's <see cref="SandboxServer"/> as the control plane's tests want it: the control plane's own heartbeat
/// default, Argo auth off, settings named within <c>Sandbox:ControlPlane</c>; plus raw agent sockets on it.
/// </summary>
internal static class ControlPlaneSandbox
{
    public const string Token = SandboxServer.ControlPlaneToken;

    public static Task<SandboxServer> StartAsync(params (string Key, string Value)[] settings) => StartWithArgumentsAsync([], settings);

    /// <summary>Starts the sandbox with command-line <paramref name="args"/>, as <c>dotnet Agent.Sandbox.dll</c> gets them.</summary>
    public static Task<SandboxServer> StartWithArgumentsAsync(string[] args, params (string Key, string Value)[] settings)
    {
        var config = new Dictionary<string, string?>
        {
            ["Sandbox:ControlPlane:HeartbeatSeconds"] = new ControlPlaneOptions().HeartbeatSeconds.ToString(CultureInfo.InvariantCulture),
            ["Sandbox:Argo:Token"] = "",
        };
        foreach (var (key, value) in settings)
        {
            config[$"Sandbox:ControlPlane:{key}"] = value;
        }

        return SandboxServer.StartAsync(config, args: args);
    }

    /// <summary>Connects a raw agent socket (no hello sent yet).</summary>
    public static Task<TestAgentSocket> ConnectAsync(this SandboxServer host, string agentId, string token = Token, string? instanceId = null) =>
        TestAgentSocket.ConnectAsync(host.WebSocketUri, agentId, token, instanceId);

    /// <summary>Connects and completes the handshake, returning once the server has welcomed the agent.</summary>
    public static async Task<TestAgentSocket> ConnectWelcomedAsync(this SandboxServer host, string agentId, string? instanceId = null)
    {
        var agent = await host.ConnectAsync(agentId, instanceId: instanceId);
        await agent.HelloAsync();
        return agent;
    }
}
