using System.Text.Json;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Operations.Handlers;

public class RunRequestValidationTests
{
    private static readonly JsonElement Config = JsonDocument.Parse("\"source: {}\"").RootElement;

    [Theory]
    [InlineData("metadata")]
    [InlineData("dbt")]
    [InlineData("dataInsight")]
    [InlineData("TestSuite")]
    public void Validate_KnownPipelineType_Passes(string pipelineType)
    {
        Assert.Null(RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", pipelineType), Config, "run-1"));
    }

    [Theory]
    [InlineData("metadata\n")]
    [InlineData("meta data")]
    [InlineData("1metadata")]
    [InlineData("")]
    [InlineData("data_insight")]
    [InlineData("Metadata")]
    public void Validate_BadPipelineType_NamesTheField(string pipelineType)
    {
        var reason = RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", pipelineType), Config, "run-1");

        Assert.NotNull(reason);
        Assert.Contains("pipeline.pipelineType", reason, StringComparison.Ordinal);
    }
}
