using Agent.Core.Argo;
using Agent.Core.Link;
using Agent.Core.Runs;
using Microsoft.Extensions.Options;

namespace Agent.Web.Admin;

/// <summary>What <c>GET /admin/jobs/{runId}/logs</c> reads: the tracked runs, then Argo.</summary>
public sealed record JobLogsServices(RunRegistry Registry, IArgoWorkflowClient Argo, IOptions<ControlPlaneOptions> ControlPlane);
