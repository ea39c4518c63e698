using Agent.Core.Executors.Argo;
using Agent.Core.Runs;

namespace Agent.Web.Admin;

/// <summary>What <c>GET /admin/jobs/{runId}/logs</c> reads: the tracked runs, then this agent's workflows in Argo.</summary>
internal sealed record JobLogsServices(RunRegistry Registry, IArgoWorkflowClient Argo, OwnedWorkflows Owned);
