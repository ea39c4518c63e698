using Agent.Core.Argo;
using Agent.Core.Identity;
using Agent.Core.Runs;

namespace Agent.Web.Admin;

/// <summary>What <c>GET /admin/jobs/{runId}/logs</c> reads: the tracked runs, then Argo.</summary>
internal sealed record JobLogsServices(RunRegistry Registry, IArgoWorkflowClient Argo, AgentIdentity Identity);
