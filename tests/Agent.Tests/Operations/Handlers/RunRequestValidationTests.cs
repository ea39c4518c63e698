using System.Text.Json;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Operations.Handlers;

public class RunRequestValidationTests
{
    private const string RunId = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

    private static readonly JsonElement Config = JsonDocument.Parse("\"source: {}\"").RootElement;

    [Theory]
    [InlineData("metadata")]
    [InlineData("dbt")]
    [InlineData("dataInsight")]
    [InlineData("TestSuite")]
    public void Validate_KnownPipelineType_Passes(string pipelineType)
    {
        Assert.Null(RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", pipelineType), Config, RunId));
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
        var reason = RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", pipelineType), Config, RunId);

        Assert.NotNull(reason);
        Assert.Contains("pipeline.pipelineType", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("svc.{{workflow.name}}", RunId, "source: {}", "pipeline.fullyQualifiedName")]
    [InlineData("svc.p", "run-{{=sprig.trim('x')}}", "source: {}", "runId")]
    [InlineData("svc.p", RunId, "query: \"select '{{inputs.parameters.x}}'\"", "config")]
    public void Validate_ArgoTemplateTagInUserText_NamesTheField(string fqn, string runId, string config, string field)
    {
        var reason = RunRequestValidation.Validate(new PipelineInfo(fqn, "p", "metadata"), JsonSerializer.SerializeToElement(config), runId);

        Assert.NotNull(reason);
        Assert.StartsWith($"payload field '{field}' contains '{{{{'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConfigObjectWithTemplateTag_NamesConfig()
    {
        var config = JsonDocument.Parse("""{"source":{"serviceName":"a{{workflow.uid}}"}}""").RootElement;

        Assert.StartsWith("payload field 'config'", RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", "metadata"), config, RunId), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regex: ^a{2}$ and {single} braces and } { and }}")]
    [InlineData("$(id) `id` ${HOME}")]
    public void Validate_BracesThatAreNotATemplateTag_Pass(string config)
    {
        Assert.Null(RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", "metadata"), JsonSerializer.SerializeToElement(config), RunId));
    }

    [Theory]
    [InlineData('c', 1, 0)]
    [InlineData('c', 1, 1)]
    [InlineData('\u00e9', 2, 0)]
    [InlineData('\u00e9', 2, 1)]
    [InlineData('\n', 1, 0)]
    [InlineData('\n', 1, 1)]
    public void Validate_ConfigSize_CountsUtf8BytesAsTheProcessReceivesThem(char filler, int bytesPerChar, int charsOver)
    {
        var config = "x:" + new string(filler, ((RunRequestValidation.MaxConfigBytes - 2) / bytesPerChar) + charsOver);

        var reason = RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", "metadata"), JsonSerializer.SerializeToElement(config), RunId);

        if (charsOver == 0)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.StartsWith($"payload field 'config' is {RunRequestValidation.MaxConfigBytes + bytesPerChar} bytes", reason, StringComparison.Ordinal);
        }
    }
}
