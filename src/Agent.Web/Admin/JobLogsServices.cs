using Agent.Core.Execution;
using Agent.Core.Executors.Argo;
using Agent.Core.Runs;
using Microsoft.AspNetCore.Mvc;

namespace Agent.Web.Admin;

/// <summary>
/// What <c>GET /admin/jobs/{runId}/logs</c> reads: the tracked runs, then this agent's workflows in Argo. With
/// <c>EXECUTOR_TYPE=simpleK8s</c> no Argo client is registered (<see cref="Argo"/> and <see cref="Owned"/> are null)
/// and the log comes through the executor seam.
/// </summary>
internal sealed record JobLogsServices(
    RunRegistry Registry,
    IRunExecutor Executor,
    [FromServices] IArgoWorkflowClient? Argo,
    [FromServices] OwnedWorkflows? Owned);
