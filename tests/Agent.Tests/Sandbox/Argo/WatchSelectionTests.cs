namespace Agent.Tests.Sandbox.Argo;

public class WatchSelectionTests
{
    private const string WatchPath = $"/api/v1/workflow-events/{ArgoSandbox.Namespace}";

    [Fact]
    public async Task Watch_WorkflowLeavesLabelSelection_SendsDeleted()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-active"));
        await using var stream = await sandbox.OpenStreamAsync(
            $"{WatchPath}?listOptions.labelSelector=workflows.argoproj.io/completed%3Dfalse");
        var added = await stream.ReadObjectAsync();

        sandbox.Emulator.ForcePhase(ArgoSandbox.Namespace, "wf-active", "Succeeded");
        var left = await stream.ReadObjectAsync();

        Assert.Equal("ADDED", added["result"]!["type"]!.GetValue<string>());
        Assert.Equal("DELETED", left["result"]!["type"]!.GetValue<string>());
        Assert.Equal("Succeeded", left["result"]!["object"]!["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_DeleteWorkflow_SendsDeletedEvent()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-doomed"));
        await using var stream = await sandbox.OpenStreamAsync(WatchPath);
        await stream.ReadObjectAsync();

        using var deleted = await sandbox.Client.DeleteAsync($"/api/v1/workflows/{ArgoSandbox.Namespace}/wf-doomed");
        var deletedEvent = await stream.ReadObjectAsync();

        Assert.Equal("DELETED", deletedEvent["result"]!["type"]!.GetValue<string>());
        Assert.Equal("wf-doomed", deletedEvent["result"]!["object"]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_OtherNamespace_SeesNothingFromThisOne()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await using var stream = await sandbox.OpenStreamAsync("/api/v1/workflow-events/elsewhere");

        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-here"));
        using var closed = await sandbox.Client.PostAsync("/sandbox/argo/watches/close", null);
        var only = await stream.ReadObjectAsync();

        Assert.True(only.ContainsKey("error"));
    }
}
