using Agent.Core.Protocol.Messages;

namespace Agent.IntegrationTests.Faults;

/// <summary>The answer to one <c>pipeline.run</c> sent with a deadline: when it came and how long it took.</summary>
internal sealed record DeadlineAnswer(string RunId, ResultPayload Result, DateTimeOffset Deadline, DateTimeOffset AnsweredAt, TimeSpan Elapsed);
