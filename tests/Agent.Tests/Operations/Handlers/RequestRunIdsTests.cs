using Agent.Core.Operations.Handlers;

namespace Agent.Tests.Operations.Handlers;

/// <summary>
/// A run request without a run id gets one derived from the agent id and the request id (issue 12, finding 1): the same
/// request sent again, even to a restarted agent, names the same run and so the same workflow.
/// </summary>
public sealed class RequestRunIdsTests
{
    [Fact]
    public void NameBased_Rfc9562AppendixB2Example_GivesItsUuid()
    {
        // RFC 9562 Appendix B.2: SHA-256 of the DNS namespace and "www.example.com", as UUIDv8.
        var dns = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal("5c146b14-3c52-8afd-938a-375d0df1fbf6", RequestRunIds.NameBased(dns, "www.example.com"u8));
    }

    [Fact]
    public void ForRequest_KnownAgentAndRequest_GivesTheDocumentedCanonicalVersion8Uuid()
    {
        var runId = RequestRunIds.ForRequest("agent-1", "7d3c2b1a-0000-4000-8000-000000000017");

        Assert.Equal("3874a48f-8d91-8663-abac-b6b6ebec4d01", runId);
        Assert.Null(RunRequestValidation.RunIdProblem(runId));
        Assert.Equal(8, Guid.Parse(runId).Version);
    }

    [Fact]
    public void ForRequest_SameInputsAgainOrOtherInputs_SameIdOnlyForTheSameAgentAndRequest()
    {
        var runId = RequestRunIds.ForRequest("agent-1", "req-1");

        Assert.Equal(runId, RequestRunIds.ForRequest("agent-1", "req-1"));
        Assert.NotEqual(runId, RequestRunIds.ForRequest("agent-1", "req-2"));
        Assert.NotEqual(runId, RequestRunIds.ForRequest("agent-2", "req-1"));

        // The separator keeps the two parts apart: moving a character across it gives another id.
        Assert.NotEqual(RequestRunIds.ForRequest("agent-1r", "eq-1"), runId);
    }
}
