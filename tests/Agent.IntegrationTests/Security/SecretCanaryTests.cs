using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Security;

/// <summary>Secrets set in AUTH_TOKEN, ARGO_TOKEN and the extra envs never show in logs, admin output, metrics or frames.</summary>
public sealed class SecretCanaryTests
{
    private const string AuthCanary = "auth-canary-0f3e9b";
    private const string ArgoCanary = "argo-canary-77d2c4";

    [Fact]
    public async Task RunAndInspect_CanarySecrets_NeverAppearOutsideTheirUse()
    {
        await using var rig = await AgentRig.StartAsync("canary-agent", sandboxSettings: new Dictionary<string, string?>
        {
            ["Sandbox:ControlPlane:Token"] = AuthCanary,
            ["Sandbox:Argo:Token"] = ArgoCanary,
        }, agentOverrides: new Dictionary<string, string?>
        {
            ["ControlPlane:AuthToken"] = AuthCanary,
            ["Argo:Token"] = ArgoCanary,
            ["Serilog:MinimumLevel:Default"] = "Verbose",
        });
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        var cancellation = rig.Cancellation;
        var runId = Guid.NewGuid().ToString();
        await sandbox.ControlPlane.SendRequestAsync(agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun("svc.canary", runId: runId), cancellation);
        await sandbox.ControlPlane.SendRequestAsync(agent.AgentId, MessageTypes.ServiceStatus, RequestPayloads.Empty(), cancellation);
        await sandbox.ControlPlane.WaitForStatusAsync(s => s.RunId == runId && s.PipelineState == PipelineStates.Success, cancellation);

        using var admin = agent.CreateAdminClient();
        using var infra = agent.CreateInfraClient();
        using var sandboxApi = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var seen = new Dictionary<string, string>
        {
            ["logs"] = string.Join('\n', agent.Logs.Lines),
            ["admin connection"] = await admin.GetStringAsync("/admin/connection"),
            ["admin jobs"] = await admin.GetStringAsync("/admin/jobs"),
            ["metrics"] = await infra.GetStringAsync("/metrics"),
            ["ready"] = await (await infra.GetAsync("/ready")).Content.ReadAsStringAsync(cancellation),
            ["frames received by the control plane"] = await sandboxApi.GetStringAsync("/sandbox/agents") + await sandboxApi.GetStringAsync("/sandbox/statuses"),
        };

        Assert.NotEmpty(agent.Logs.Lines);
        foreach (var (where, text) in seen)
        {
            foreach (var canary in new[] { AuthCanary, ArgoCanary, AgentApplication.ExtraEnvSecret })
            {
                Assert.False(text.Contains(canary, StringComparison.Ordinal), $"{canary} appeared in {where}");
            }
        }
    }
}
