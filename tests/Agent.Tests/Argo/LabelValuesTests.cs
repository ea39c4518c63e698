using Agent.Core.Execution;

namespace Agent.Tests.Argo;

public class LabelValuesTests
{
    [Theory]
    [InlineData("agent-1")]
    [InlineData("A.b_c-9")]
    [InlineData("x")]
    [InlineData("")]
    public void ForFreeText_ValidLabelValue_PassesThrough(string value)
    {
        Assert.Equal(value, LabelValues.ForFreeText(value));
        Assert.Equal(value, LabelValues.ForAgentId(value));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("-leading")]
    [InlineData("trailing.")]
    [InlineData("naïve")]
    [InlineData("quote\"d")]
    [InlineData("abc\n")]
    [InlineData("a/b")]
    public void ForFreeText_InvalidValue_IsHashedToValidLabel(string value)
    {
        var label = LabelValues.ForFreeText(value);

        Assert.NotEqual(value, label);
        Assert.StartsWith("h-", label, StringComparison.Ordinal);
        Assert.True(DnsLabel.IsLabelValue(label), label);
        Assert.Equal(label, LabelValues.ForFreeText(value));
    }

    [Fact]
    public void ForFreeText_TooLongValue_IsHashedNotTrimmed()
    {
        var first = new string('a', 64);
        var second = new string('a', 63) + "b";

        var firstLabel = LabelValues.ForFreeText(first);
        var secondLabel = LabelValues.ForFreeText(second);

        Assert.True(firstLabel.Length <= LabelValues.MaxLabelLength);
        Assert.True(DnsLabel.IsLabelValue(firstLabel));
        Assert.NotEqual(firstLabel, secondLabel);
    }

    [Fact]
    public void ForFreeText_SixtyThreeCharacters_PassesThrough()
    {
        var value = new string('a', 63);

        Assert.Equal(value, LabelValues.ForFreeText(value));
    }

    [Fact]
    public void ForPipeline_AnyFqn_IsAlwaysAStableHash()
    {
        const string Fqn = "mysql_prod.\"db\".metadata pipeline";

        var label = LabelValues.ForPipeline(Fqn);

        Assert.Equal(40, label.Length);
        Assert.True(DnsLabel.IsLabelValue(label));
        Assert.Equal(label, LabelValues.ForPipeline(Fqn));
        Assert.NotEqual(label, LabelValues.ForPipeline("valid_fqn"));
        Assert.Equal(40, LabelValues.ForPipeline("valid_fqn").Length);
    }

    [Theory]
    [InlineData("My Pipeline", "my-pipeline")]
    [InlineData("a__b..c", "a-b-c")]
    [InlineData("--Edge--", "edge")]
    [InlineData("ÄÖÜ", "fallback")]
    [InlineData("", "fallback")]
    [InlineData("!!!", "fallback")]
    [InlineData("abc-def", "abc-def")]
    public void ToDnsFragment_Value_ProducesLowercaseDashFragment(string value, string expected)
    {
        Assert.Equal(expected, LabelValues.ToDnsFragment(value, 20, "fallback"));
    }

    [Fact]
    public void ToDnsFragment_LongValue_TruncatesWithoutTrailingDash()
    {
        var fragment = LabelValues.ToDnsFragment("abcdefghi jklmnopqrstuvwxyz", 10, "x");

        Assert.Equal("abcdefghi", fragment);
        Assert.True(DnsLabel.IsDns1123Label(fragment));
    }
}
