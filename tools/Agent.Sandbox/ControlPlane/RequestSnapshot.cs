using System.Text.Json;

namespace Agent.Sandbox.ControlPlane;

/// <summary>A request and its answers (<c>GET /sandbox/requests/{id}</c>).</summary>
/// <param name="Id">The envelope id, also the <c>replyTo</c> of its results.</param>
/// <param name="AgentId">The agent the request is for.</param>
/// <param name="Type">The request type.</param>
/// <param name="Payload">The request payload as sent.</param>
/// <param name="CreatedAt">When the request was first submitted.</param>
/// <param name="SendCount">How many sessions the request went out on; above 1 means it was re-sent after a reconnect.</param>
/// <param name="ExpectedAnswers">1 plus the explicit resubmissions of the same id.</param>
/// <param name="AnswerCount">Results received for the id; above <paramref name="ExpectedAnswers"/> means duplicate answers.</param>
/// <param name="Results">The results in arrival order.</param>
internal sealed record RequestSnapshot(
    string Id,
    string AgentId,
    string Type,
    JsonElement Payload,
    DateTimeOffset CreatedAt,
    int SendCount,
    int ExpectedAnswers,
    int AnswerCount,
    IReadOnlyList<ReceivedResult> Results);
