using System.Text.Json;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Operations.Handlers;

/// <summary>A <c>pipeline.run</c> run id is what OpenMetadata generates and the ingestion image accepts (FIDELITY §8.2).</summary>
public sealed class RunIdValidationTests
{
    private static readonly JsonElement Config = JsonSerializer.SerializeToElement("source: {}");

    [Theory]
    [InlineData("1b4e28ba-2fa1-11d2-883f-0016d3cca427")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData(null)]
    public void Validate_CanonicalUuidOrNone_Passes(string? runId)
    {
        Assert.Null(RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", "metadata"), Config, runId));
    }

    [Theory]
    [InlineData("run-1")]
    [InlineData("1B4E28BA-2FA1-11D2-883F-0016D3CCA427")]
    [InlineData("1b4e28ba2fa111d2883f0016d3cca427")]
    [InlineData("{1b4e28ba-2fa1-11d2-883f-0016d3cca427}")]
    [InlineData("1b4e28ba-2fa1-11d2-883f-0016d3cca427\n")]
    [InlineData(" 1b4e28ba-2fa1-11d2-883f-0016d3cca427")]
    [InlineData("")]
    public void Validate_RunIdNotACanonicalUuid_RefusedNamingTheFieldAndTheForm(string runId)
    {
        var reason = RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", "metadata"), Config, runId);

        Assert.StartsWith("payload field 'runId' must be a UUID in canonical lower-case form (8-4-4-4-12", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ConfigSizeProblem_AtTheExecLimitOrOneByteOver_PassesOrNamesFieldSizeAndLimit(int bytesOver)
    {
        var config = new string('c', 131064 + bytesOver);

        var reason = RunRequestValidation.ConfigSizeProblem("workflow", config);

        if (bytesOver == 0)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.StartsWith("payload field 'workflow' is 131065 bytes (UTF-8), over the limit of 131064", reason, StringComparison.Ordinal);
            Assert.Contains("131072", reason, StringComparison.Ordinal);
        }
    }
}
