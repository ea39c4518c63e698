using Agent.Gateway.Tests.Contract.Backend;

namespace Agent.Gateway.Tests.Airflow;

/// <summary>delete always answers 200; a delete the agent could not take waits for it and is replayed when it connects.</summary>
public sealed class DeleteTests
{
    [Fact]
    public async Task AgentAway_AnswersOk_MarksDeletePending_AndTheDagIsGoneForOpenMetadata()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();
        session.Backend.Link.Agent(ScriptedBackend.DefaultAgent).Connected = false;

        using var delete = await session.CallAsync("delete", dagId);
        using var trigger = await session.CallAsync("trigger", dagId);

        Assert.Equal(200, (int)delete.StatusCode);
        Assert.True((await session.Backend.Pipelines.FindAsync(dagId, CancellationToken.None))!.DeletePending);
        Assert.Equal(404, (int)trigger.StatusCode);
    }

    [Fact]
    public async Task PendingDelete_IsReplayedWhenTheAgentIsWelcomed()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();
        var agent = session.Backend.Link.Agent(ScriptedBackend.DefaultAgent);
        agent.Connected = false;
        using var delete = await session.CallAsync("delete", dagId);
        Assert.NotEmpty(agent.Pipelines);

        agent.Connected = true;
        await session.Backend.Connected.WelcomeAsync(ScriptedBackend.DefaultAgent, CancellationToken.None);

        Assert.Empty(agent.Pipelines);
        Assert.Null(await session.Backend.Pipelines.FindAsync(dagId, CancellationToken.None));
    }

    [Fact]
    public async Task PendingDelete_StillWaits_WhenTheReplayFails()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();
        var agent = session.Backend.Link.Agent(ScriptedBackend.DefaultAgent);
        agent.Silent = true;
        using var delete = await session.CallAsync("delete", dagId);

        await session.Backend.Connected.WelcomeAsync(ScriptedBackend.DefaultAgent, CancellationToken.None);

        Assert.True((await session.Backend.Pipelines.FindAsync(dagId, CancellationToken.None))!.DeletePending);
    }

    [Fact]
    public async Task AgentPresent_RemovesTheRecordAndTheAgentsCopy()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();

        using var delete = await session.CallAsync("delete", dagId);

        Assert.Equal(200, (int)delete.StatusCode);
        Assert.Null(await session.Backend.Pipelines.FindAsync(dagId, CancellationToken.None));
        Assert.Empty(session.Backend.Link.Agent(ScriptedBackend.DefaultAgent).Pipelines);
    }
}
