using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.Argo;
using Agent.Sandbox.ControlPlane;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>
/// Many runs while the link keeps breaking: every request answered as often as it was asked, no reliable message
/// lost or doubled, no workflow created twice. Seeded, so a failure replays with the same schedule of drops.
/// </summary>
public sealed class RandomizedDropTests
{
    private const int Seed = 20261128;
    private const int Runs = 2_000;
    private const int Drops = 100;
    private const int DeliberateDuplicates = 50;

    /// <summary>
    /// The first reconnect waits a random time up to 1 s (full jitter). Scaled to 50 ms here so that 100 drops
    /// fit a CI run; the jitter stays random and seeded, and the reconnect path is the real one.
    /// </summary>
    private const double JitterScale = 0.05;
    private const string PipelineFqn = "reliability_random.metadata";

    [Fact]
    public async Task PipelineRuns_LinkDroppedAtRandom_EachAnsweredOnceAndEachRunCreatedOnceAndReported()
    {
        var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(240)).Token;
        await using var rig = await AgentRig.StartAsync(
            LinkSignals.NewAgentId("random"),
            new Dictionary<string, string?>
            {
                ["Sandbox:Argo:PendingSeconds"] = "0.05",
                ["Sandbox:Argo:RunningSeconds"] = "0.1",
            },
            new Dictionary<string, string?>
            {
                ["ControlPlane:ReconnectDelaySeconds"] = "1",
                ["ControlPlane:MaxConcurrentOperations"] = "1024",
            },
            timeout: TimeSpan.FromSeconds(240),
            replaceServices: services => services.AddSingleton(provider => new ReconnectBackoff(
                provider.GetRequiredService<IOptions<Agent.Core.Link.ControlPlaneOptions>>(), new ScaledRandom(Seed, JitterScale))));
        var (sandbox, server, agent, connection) = (rig.Sandbox, rig.ControlPlane, rig.Agent, rig.Welcomed);
        var random = new Random(Seed);
        var dropAt = Enumerable.Range(0, Runs + DeliberateDuplicates).OrderBy(_ => random.Next()).Take(Drops).ToHashSet();
        var duplicateAt = Enumerable.Range(1, Runs - 1).OrderBy(_ => random.Next()).Take(DeliberateDuplicates).ToHashSet();

        var originals = new List<RequestTicket>();
        var tickets = new List<RequestTicket>();
        var runIds = new List<string>();
        var drops = 0;
        for (var step = 0; runIds.Count < Runs || tickets.Count < Runs + DeliberateDuplicates; step++)
        {
            if (dropAt.Contains(step))
            {
                // Only a welcomed link is dropped, so every drop cuts a live session.
                await server.WaitForAgentAsync(agent.AgentId, cancellation);
                drops += server.Drop(agent.AgentId) ? 1 : 0;
            }

            if (duplicateAt.Remove(runIds.Count) || runIds.Count == Runs)
            {
                // A deliberate repeat of an answered id: the server asks again and expects a second, identical answer.
                var original = originals[random.Next(originals.Count)];
                await original.WaitAsync(cancellation);
                tickets.Add(await server.SubmitAsync(agent.AgentId, MessageTypes.PipelineRun, original.Request.Envelope.Payload, original.Id));
                continue;
            }

            runIds.Add(Guid.NewGuid().ToString());
            originals.Add(await server.SubmitAsync(agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(PipelineFqn, runId: runIds[^1])));
            tickets.Add(originals[^1]);
        }

        var answers = await Task.WhenAll(tickets.Select(ticket => ticket.WaitAsync(cancellation)));
        await Task.WhenAll(runIds.Select(runId => server.WaitForStatusAsync(
            s => s.RunId == runId && PipelineStates.IsTerminal(s.PipelineState), cancellation)));
        var outbox = agent.Services.GetRequiredService<ReliableOutbox>();
        await LinkSignals.UntilAsync(() => outbox.Depth == 0, cancellation);

        Assert.Equal(Drops, drops);
        Assert.All(answers, answer => Assert.True(ReliableMessages.Result(answer.Message).Ok, ReliableMessages.Result(answer.Message).Reason));
        Assert.All(tickets.Select(t => server.GetRequest(t.Id)!), request =>
            Assert.Single(request.Results.Select(r => r.Message.Payload.GetRawText()).Distinct()));

        // Answered exactly as often as asked: once per id, plus once per deliberate resubmission.
        var stats = server.Stats.Snapshot();
        Assert.Equal(Drops + 1, stats.SessionsOpened); // every drop was followed by exactly one new session
        Assert.True(stats.RequestsSent > tickets.Count, "no request was re-sent after a drop: the drops cut nothing in flight");
        Assert.Equal(0, stats.DuplicateAnswers);
        Assert.All(tickets.Select(t => t.Id).Distinct(), id =>
        {
            var request = server.GetRequest(id)!;
            Assert.Equal(request.ExpectedAnswers, request.AnswerCount);
        });

        // Every seq arrived, none twice, none skipped: the server's high-water mark is the agent's last seq.
        Assert.Equal(0, stats.ProtocolViolations);
        Assert.Equal(outbox.AckedSeq, server.GetAckedSeq(connection.InstanceId));
        Assert.Equal(outbox.AckedSeq, stats.ResultsReceived + stats.StatusesReceived);

        // One workflow per run, one create call per run: duplicates never reached Argo.
        var argo = sandbox.Services.GetRequiredService<ArgoEmulator>();
        var workflows = ArgoCounts.WorkflowsPerRun(argo);
        Assert.Equal(Runs, workflows.Count);
        Assert.All(runIds, runId => Assert.Equal(1, workflows[runId]));
        Assert.Equal(Runs, ArgoCounts.CreateCalls(argo));
    }

    /// <summary>A seeded <see cref="Random"/> whose doubles are scaled down, to shorten the backoff's jitter.</summary>
    private sealed class ScaledRandom(int seed, double scale) : Random(seed)
    {
        public override double NextDouble() => base.NextDouble() * scale;
    }
}
