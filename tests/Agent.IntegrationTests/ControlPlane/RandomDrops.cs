using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>
/// Many runs while the link keeps breaking, whatever the executor: the seeded schedule of drops and deliberate
/// resubmissions, and the delivery asserts (every request answered as often as asked, no reliable message lost or
/// doubled). The executor's own count of runs created is the caller's to assert.
/// </summary>
internal static class RandomDrops
{
    public const int Seed = 20261128;

    /// <summary>
    /// The first reconnect waits a random time up to 1 s (full jitter). Scaled to 50 ms here so that many drops fit a
    /// CI run; the jitter stays random and seeded, and the reconnect path is the real one.
    /// </summary>
    private const double JitterScale = 0.05;

    /// <summary>The agent settings the schedule needs: a short reconnect and room for every run in flight.</summary>
    public static Dictionary<string, string?> AgentSettings() => new()
    {
        ["ControlPlane:ReconnectDelaySeconds"] = "1",
        ["ControlPlane:MaxConcurrentOperations"] = "1024",
    };

    /// <summary>Replaces the agent's reconnect backoff by one with seeded, scaled-down jitter.</summary>
    public static void SeedBackoff(IServiceCollection services) => services.AddSingleton(provider => new ReconnectBackoff(
        provider.GetRequiredService<IOptions<Agent.Core.Link.ControlPlaneOptions>>(), new ScaledRandom(Seed, JitterScale)));

    /// <summary>
    /// Sends <paramref name="runs"/> <c>pipeline.run</c> requests plus <paramref name="duplicates"/> resubmissions of
    /// answered ids, dropping the live link <paramref name="drops"/> times at seeded steps; waits for every answer and
    /// every run's end and for the outbox to empty. Returns every ticket, the run ids, and the drops that cut a session.
    /// </summary>
    public static async Task<(List<RequestTicket> Tickets, List<string> RunIds, int Drops)> DriveAsync(
        AgentRig rig, string pipelineFqn, int runs, int drops, int duplicates, CancellationToken cancellation)
    {
        var (server, agent) = (rig.ControlPlane, rig.Agent);
        var random = new Random(Seed);
        var dropAt = Enumerable.Range(0, runs + duplicates).OrderBy(_ => random.Next()).Take(drops).ToHashSet();
        var duplicateAt = Enumerable.Range(1, runs - 1).OrderBy(_ => random.Next()).Take(duplicates).ToHashSet();

        var originals = new List<RequestTicket>();
        var tickets = new List<RequestTicket>();
        var runIds = new List<string>();
        var dropped = 0;
        for (var step = 0; runIds.Count < runs || tickets.Count < runs + duplicates; step++)
        {
            if (dropAt.Contains(step))
            {
                // Only a welcomed link is dropped, so every drop cuts a live session.
                await server.WaitForAgentAsync(agent.AgentId, cancellation);
                dropped += server.Drop(agent.AgentId) ? 1 : 0;
            }

            if (duplicateAt.Remove(runIds.Count) || runIds.Count == runs)
            {
                // A deliberate repeat of an answered id: the server asks again and expects a second, identical answer.
                var original = originals[random.Next(originals.Count)];
                await original.WaitAsync(cancellation);
                tickets.Add(await server.SubmitAsync(agent.AgentId, MessageTypes.PipelineRun, original.Request.Envelope.Payload, original.Id));
                continue;
            }

            runIds.Add(Guid.NewGuid().ToString());
            originals.Add(await server.SubmitAsync(agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(pipelineFqn, runId: runIds[^1])));
            tickets.Add(originals[^1]);
        }

        await Task.WhenAll(tickets.Select(ticket => ticket.WaitAsync(cancellation)));
        await Task.WhenAll(runIds.Select(runId => server.WaitForStatusAsync(
            s => s.RunId == runId && PipelineStates.IsTerminal(s.PipelineState), cancellation)));
        var outbox = agent.Services.GetRequiredService<ReliableOutbox>();
        await LinkSignals.UntilAsync(() => outbox.Depth == 0, cancellation);
        return (tickets, runIds, dropped);
    }

    /// <summary>Every request answered OK, identically and exactly as often as asked; every seq arrived once, none skipped.</summary>
    public static async Task AssertDeliveredOnceAsync(AgentRig rig, List<RequestTicket> tickets, int drops, CancellationToken cancellation)
    {
        var server = rig.ControlPlane;
        var answers = await Task.WhenAll(tickets.Select(ticket => ticket.WaitAsync(cancellation)));
        Assert.All(answers, answer => Assert.True(ReliableMessages.Result(answer.Message).Ok, ReliableMessages.Result(answer.Message).Reason));
        Assert.All(tickets.Select(t => server.GetRequest(t.Id)!), request =>
            Assert.Single(request.Results.Select(r => r.Message.Payload.GetRawText()).Distinct()));

        // Answered exactly as often as asked: once per id, plus once per deliberate resubmission.
        var stats = server.Stats.Snapshot();
        Assert.Equal(drops + 1, stats.SessionsOpened); // every drop was followed by exactly one new session
        Assert.True(stats.RequestsSent > tickets.Count, "no request was re-sent after a drop: the drops cut nothing in flight");
        Assert.Equal(0, stats.DuplicateAnswers);
        Assert.All(tickets.Select(t => t.Id).Distinct(), id =>
        {
            var request = server.GetRequest(id)!;
            Assert.Equal(request.ExpectedAnswers, request.AnswerCount);
        });

        // Every seq arrived, none twice, none skipped: the server's high-water mark is the agent's last seq.
        var outbox = rig.Agent.Services.GetRequiredService<ReliableOutbox>();
        Assert.Equal(0, stats.ProtocolViolations);
        Assert.Equal(outbox.AckedSeq, server.GetAckedSeq(rig.Welcomed.InstanceId));
        Assert.Equal(outbox.AckedSeq, stats.ResultsReceived + stats.StatusesReceived);
    }

    /// <summary>A seeded <see cref="Random"/> whose doubles are scaled down, to shorten the backoff's jitter.</summary>
    private sealed class ScaledRandom(int seed, double scale) : Random(seed)
    {
        public override double NextDouble() => base.NextDouble() * scale;
    }
}
