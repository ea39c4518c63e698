using Agent.Core.Executors.Argo;

namespace Agent.Tests.Argo;

public class WorkflowNamesTests
{
    [Fact]
    public void ForRun_SameInputs_GivesSameName()
    {
        Assert.Equal(WorkflowNames.ForRun("Daily Metadata", "run-1"), WorkflowNames.ForRun("Daily Metadata", "run-1"));
    }

    [Theory]
    [InlineData("Daily Metadata", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")]
    [InlineData("a very long pipeline name with ÜNICODE and $ymbols that goes on and on", "not a uuid at all")]
    [InlineData("", "")]
    [InlineData("---", "x")]
    [InlineData("UPPER_CASE.name", "RUN-ID-WITH-CAPS")]
    public void ForRun_AnyInput_IsValidDnsLabelOfAtMost63(string pipelineName, string runId)
    {
        var name = WorkflowNames.ForRun(pipelineName, runId);

        Assert.True(name.Length <= 63, name);
        Assert.True(DnsLabel.IsDns1123Label(name), name);
        Assert.StartsWith("om-", name, StringComparison.Ordinal);
    }

    [Fact]
    public void ForRun_UuidRunId_EndsWithIts32HexDigits()
    {
        var name = WorkflowNames.ForRun("metadata", "1B4E28BA-2FA1-11D2-883F-0016D3CCA427");

        Assert.Equal("om-metadata-1b4e28ba2fa111d2883f0016d3cca427", name);
    }

    [Fact]
    public void RunSuffix_NonUuid_Is32HexDigits()
    {
        var suffix = WorkflowNames.RunSuffix("scheduled-2025-01-01");

        Assert.Equal(32, suffix.Length);
        Assert.Matches("^[0-9a-f]{32}$", suffix);
    }

    [Fact]
    public void ForRun_DifferentRunIds_GiveDifferentNames()
    {
        var names = Enumerable.Range(0, 200)
            .Select(i => WorkflowNames.ForRun("same pipeline", i % 2 == 0 ? $"run-{i}" : Guid.NewGuid().ToString()))
            .ToHashSet();

        Assert.Equal(200, names.Count);
    }
}
