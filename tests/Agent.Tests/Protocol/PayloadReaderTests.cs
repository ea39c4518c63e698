using System.Text.Json;
using Agent.Core.Protocol;

namespace Agent.Tests.Protocol;

public class PayloadReaderTests
{
    [Fact]
    public void TryRead_ValidPipelineRun_ReadsFields()
    {
        var payload = Parse("""
            {"pipeline":{"fullyQualifiedName":"svc.p1","name":"p1","pipelineType":"metadata"},"config":"a: 1","runId":"r-1"}
            """);

        var ok = PayloadReader.TryRead(payload, ProtocolJsonContext.Default.PipelineRunRequest, out var request, out var reason);

        Assert.True(ok, reason);
        Assert.Equal("svc.p1", request!.Pipeline.FullyQualifiedName);
        Assert.Equal("metadata", request.Pipeline.PipelineType);
        Assert.Equal("r-1", request.RunId);
    }

    [Fact]
    public void TryRead_MissingPipeline_FailsNamingPipeline()
    {
        var payload = Parse("""{"config":"a: 1"}""");

        var ok = PayloadReader.TryRead(payload, ProtocolJsonContext.Default.PipelineRunRequest, out var request, out var reason);

        Assert.False(ok);
        Assert.Null(request);
        Assert.Contains("pipeline", reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryRead_PipelineNameNotString_FailsNamingTheField()
    {
        var payload = Parse("""
            {"pipeline":{"fullyQualifiedName":"svc.p1","name":12,"pipelineType":"metadata"},"config":"a: 1"}
            """);

        var ok = PayloadReader.TryRead(payload, ProtocolJsonContext.Default.PipelineRunRequest, out _, out var reason);

        Assert.False(ok);
        Assert.Contains("pipeline.name", reason, StringComparison.Ordinal);
        Assert.Contains("wrong type", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_NullPayload_Fails()
    {
        var ok = PayloadReader.TryRead(Parse("null"), ProtocolJsonContext.Default.PipelineRunRequest, out _, out var reason);

        Assert.False(ok);
        Assert.False(string.IsNullOrEmpty(reason));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
