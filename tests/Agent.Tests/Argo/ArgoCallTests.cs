using System.Net;
using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Tests.Argo.Fakes;

namespace Agent.Tests.Argo;

/// <summary>
/// Every Argo call goes through <c>ArgoCall</c>: replies the agent has no use for are not parsed, replies it reads are
/// read with its small models, and every failure, whatever threw it, is an <see cref="ArgoException"/>.
/// </summary>
public sealed class ArgoCallTests
{
    /// <summary>A reply no model could read: a call that parsed its reply would fail on it.</summary>
    private const string Unreadable = "<html>not a workflow</html>";

    [Fact]
    public async Task WorkflowWrites_ArgoRepliesWithABodyNoModelReads_SucceedWithoutReadingIt()
    {
        var handler = new AnsweringArgoHandler(HttpStatusCode.OK, Unreadable);
        var argo = FakeArgo.Client(handler);

        await argo.CreateWorkflowAsync(new Workflow { Metadata = new() { Name = "om-run" } }, CancellationToken.None);
        await argo.ShutdownWorkflowAsync("om-run", ShutdownStrategy.Stop, CancellationToken.None);
        await argo.ShutdownWorkflowAsync("om-run", ShutdownStrategy.Terminate, CancellationToken.None);
        await argo.DeleteWorkflowAsync("om-run", CancellationToken.None);

        Assert.Equal(
            [
                "POST /api/v1/workflows/ingestion",
                "PUT /api/v1/workflows/ingestion/om-run/stop",
                "PUT /api/v1/workflows/ingestion/om-run/terminate",
                "DELETE /api/v1/workflows/ingestion/om-run",
            ],
            handler.Requests);
    }

    [Fact]
    public async Task CronWrites_ArgoRepliesWithABodyNoModelReads_SucceedWithoutReadingIt()
    {
        var handler = new AnsweringArgoHandler(HttpStatusCode.OK, Unreadable);
        var cron = FakeArgo.CronClient(handler);
        var cronWorkflow = new CronWorkflow { Metadata = new() { Name = "om-cron" } };

        await cron.CreateAsync(cronWorkflow, CancellationToken.None);
        await cron.UpdateAsync(cronWorkflow, CancellationToken.None);
        await cron.SetSuspendedAsync("om-cron", suspended: true, CancellationToken.None);
        await cron.SetSuspendedAsync("om-cron", suspended: false, CancellationToken.None);
        await cron.DeleteAsync("om-cron", CancellationToken.None);

        Assert.Equal(5, handler.Requests.Count);
    }

    [Fact]
    public async Task GetResourceVersionAsync_StoredCronWorkflow_ReadsItsResourceVersion()
    {
        var handler = new AnsweringArgoHandler(HttpStatusCode.OK, """
            {"metadata":{"name":"om-cron","resourceVersion":"4711","labels":{"a":"b"}},"spec":{"schedule":"0 * * * *","workflowSpec":{"entrypoint":"main"}},"status":{"active":null}}
            """);

        var version = await FakeArgo.CronClient(handler).GetResourceVersionAsync("om-cron", CancellationToken.None);

        Assert.Equal("4711", version);
    }

    [Fact]
    public async Task ListNamesAsync_ArgoSendsNullItems_ReturnsNoNames()
    {
        var handler = new AnsweringArgoHandler(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"9"},"items":null}""");

        var names = await FakeArgo.CronClient(handler).ListNamesAsync("a=b", CancellationToken.None);

        Assert.Empty(names);
    }

    [Fact]
    public async Task ReadsAndDeletes_ArgoHasNoneOfThatName_AreNullOrDone()
    {
        var handler = new AnsweringArgoHandler(HttpStatusCode.NotFound, """{"code":5,"message":"not found"}""");

        Assert.Null(await FakeArgo.Client(handler).GetWorkflowAsync("om-run", CancellationToken.None));
        Assert.Null(await FakeArgo.CronClient(handler).GetResourceVersionAsync("om-cron", CancellationToken.None));
        await FakeArgo.Client(handler).DeleteWorkflowAsync("om-run", CancellationToken.None);
        await FakeArgo.CronClient(handler).DeleteAsync("om-cron", CancellationToken.None);

        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task DeleteWorkflowAsync_Forbidden_ThrowsForbidden()
    {
        var handler = new AnsweringArgoHandler(HttpStatusCode.Forbidden, """{"code":7,"message":"forbidden"}""");

        var failure = await Assert.ThrowsAsync<ArgoException>(() => FakeArgo.Client(handler).DeleteWorkflowAsync("om-run", CancellationToken.None));

        Assert.Equal(ArgoErrorKind.Forbidden, failure.Kind);
        Assert.Equal(GrpcCode.PermissionDenied, failure.GrpcCode);
    }

    [Fact]
    public async Task GetWorkflowAsync_ReplyIsNotJson_ThrowsArgoException()
    {
        var handler = new AnsweringArgoHandler(HttpStatusCode.OK, Unreadable);

        var failure = await Assert.ThrowsAsync<ArgoException>(() => FakeArgo.Client(handler).GetWorkflowAsync("om-run", CancellationToken.None));

        Assert.Equal(ArgoErrorKind.Other, failure.Kind);
    }

    [Fact]
    public async Task GetVersionAsync_VersionReply_ReadsTheVersion()
    {
        var handler = new AnsweringArgoHandler(HttpStatusCode.OK, """{"version":"v4.1.2","buildDate":"2026-01-01T00:00:00Z","gitCommit":"f016ad89eb"}""");

        Assert.Equal("v4.1.2", await FakeArgo.Client(handler).GetVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Calls_CallerCancelled_StayCancellations()
    {
        var handler = new AnsweringArgoHandler(HttpStatusCode.OK, "{}");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FakeArgo.Client(handler).GetWorkflowAsync("om-run", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FakeArgo.Client(handler).DeleteWorkflowAsync("om-run", cancelled.Token));
    }
}
