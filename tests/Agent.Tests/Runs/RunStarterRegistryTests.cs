using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Execution;
using Agent.Core.Metrics;
using Agent.Core.Operations;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;
using Agent.Tests.Argo.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Runs;

/// <summary>A create that did not make this run's workflow leaves nothing in the registry: no phantom queued run.</summary>
public sealed class RunStarterRegistryTests
{
    private static readonly RunRequest Run = new(Guid.NewGuid().ToString(), "svc.pipeline", "pipeline", "metadata", "{}");
    private static readonly string WorkflowName = WorkflowNames.ForRun(Run.PipelineName, Run.RunId);
    private readonly RunRegistry _registry = new();
    private readonly ArgoRunIds _argoRunIds = new();

    [Fact]
    public async Task StartAsync_CreateCancelled_LeavesNoRunInTheRegistry()
    {
        using var cancel = new CancellationTokenSource();
        var starter = Starter(new FakeArgoWorkflowClient
        {
            Create = async (_, token) =>
            {
                await cancel.CancelAsync();
                token.ThrowIfCancellationRequested();
                throw new InvalidOperationException("unreachable");
            },
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => starter.StartAsync(Run, cancel.Token));

        Assert.Null(_registry.Find(Run.RunId));
        Assert.Empty(_registry.InFlight());
    }

    [Fact]
    public async Task StartAsync_NameTakenByAnotherRun_AnswersConflictAndLeavesNoRunInTheRegistry()
    {
        var starter = Starter(new FakeArgoWorkflowClient { Create = AlreadyExists, Existing = Existing("another-run") });

        var result = await starter.StartAsync(Run, CancellationToken.None);

        Assert.Equal(ResultCodes.Conflict, result.Code);
        Assert.Null(_registry.Find(Run.RunId));
        Assert.Empty(_registry.InFlight());
    }

    [Fact]
    public async Task StartAsync_CreatedOrAlreadyOurs_KeepsTheQueuedRun()
    {
        var starter = Starter(new FakeArgoWorkflowClient { Create = AlreadyExists, Existing = Existing(Run.RunId) });

        var result = await starter.StartAsync(Run, CancellationToken.None);

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(PipelineStates.Queued, _registry.Find(Run.RunId)?.State);
    }

    /// <summary>Once the watcher's first list is in, a run id Argo does not hold costs no look-up (issue 12, finding 1).</summary>
    [Fact]
    public async Task StartAsync_ListedAndRunIdNotInArgo_CreatesWithoutListing()
    {
        _argoRunIds.KeepOnly([]);
        var argo = new FakeArgoWorkflowClient { Create = (workflow, _) => Task.FromResult(Existing(Run.RunId)) };

        var result = await Starter(argo).StartAsync(Run, CancellationToken.None);

        Assert.True(result.Ok, result.Reason);
        Assert.Empty(argo.Selectors);
    }

    [Fact]
    public async Task StartAsync_ListedAndRunIdHeldByArgo_LooksItUpBeforeCreating()
    {
        _argoRunIds.KeepOnly([]);
        _argoRunIds.Add(Run.RunId);
        var argo = new FakeArgoWorkflowClient { Create = (workflow, _) => Task.FromResult(Existing(Run.RunId)) };

        await Starter(argo).StartAsync(Run, CancellationToken.None);

        Assert.Single(argo.Selectors);
    }

    [Fact]
    public async Task StartAsync_BeforeTheFirstList_LooksUpEveryNewRunId()
    {
        var argo = new FakeArgoWorkflowClient { Create = (workflow, _) => Task.FromResult(Existing(Run.RunId)) };

        await Starter(argo).StartAsync(Run, CancellationToken.None);

        Assert.Single(argo.Selectors);
    }

    private static Task<ArgoWorkflow> AlreadyExists(Workflow workflow, CancellationToken cancellationToken) =>
        throw new ArgoException(ArgoErrorKind.AlreadyExists, "exists", 409);

    private static ArgoWorkflow Existing(string runId) => new(
        WorkflowName, "ns", new Dictionary<string, string>(), new Dictionary<string, string> { [WorkflowLabels.RunIdAnnotation] = runId },
        "Running", null, null, null, null, null, "1");

    private RunStarter Starter(IArgoWorkflowClient argo)
    {
        var time = new FakeTimeProvider();
        return new RunStarter(
            ArgoExecutors.Over(argo, "unit-agent", runIds: _argoRunIds), _registry, new AgentMetrics(Prometheus.Metrics.NewCustomRegistry(), time),
            time, NullLogger<RunStarter>.Instance);
    }
}
