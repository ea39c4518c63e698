using System.Text.Json;
using Agent.Core.Operations;

namespace Agent.Tests.Operations;

/// <summary>The pipeline and run of each request shape of protocol §5, for the operation's log line; a bad payload yields nulls.</summary>
public sealed class OperationSubjectTests
{
    [Theory]
    [InlineData("""{"pipeline":{"fullyQualifiedName":"svc.deploy","name":"deploy"},"config":"a: 1"}""", "svc.deploy", null)]
    [InlineData("""{"pipeline":{"fullyQualifiedName":"svc.run"},"config":"a: 1","runId":"r-1"}""", "svc.run", "r-1")]
    [InlineData("""{"pipelineFqn":"svc.kill"}""", "svc.kill", null)]
    [InlineData("""{"pipelineFqn":"svc.logs","runId":"r-2","after":"10"}""", "svc.logs", "r-2")]
    [InlineData("""{"workflow":{"fullyQualifiedName":"test-connection-1","name":"tc"}}""", "test-connection-1", null)]
    [InlineData("""{"workflow":{"name":"tc"}}""", "tc", null)]
    [InlineData("""{"pipelineFqn":5,"runId":["r"]}""", null, null)]
    [InlineData("""{"pipeline":"svc.p"}""", null, null)]
    [InlineData("""[1, 2]""", null, null)]
    [InlineData("""{}""", null, null)]
    public void Of_RequestPayload_ReadsPipelineAndRun(string payload, string? pipelineFqn, string? runId)
    {
        var subject = OperationSubject.Of(JsonDocument.Parse(payload).RootElement);

        Assert.Equal((pipelineFqn, runId), (subject.PipelineFqn, subject.RunId));
    }
}
