using Agent.Core.Ingestion;

namespace Agent.Tests.Ingestion;

public class ExtraEnvParserTests
{
    [Theory]
    [InlineData("[A:1, B:2]")]
    [InlineData("A:1,B:2")]
    [InlineData("  [ A : 1 ,B:2 ]  ")]
    public void TryParse_TwoItems_ReturnsBothInOrder(string text)
    {
        var ok = ExtraEnvParser.TryParse(text, out var values, out var reason);

        Assert.True(ok, reason);
        Assert.Equal([new("A", "1"), new("B", "2")], values!);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[ ]")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_EmptyList_ReturnsNoValues(string? text)
    {
        var ok = ExtraEnvParser.TryParse(text, out var values, out var reason);

        Assert.True(ok, reason);
        Assert.Empty(values!);
    }

    [Fact]
    public void TryParse_ValueWithColons_SplitsOnFirstColon()
    {
        var ok = ExtraEnvParser.TryParse("[URL:http://x:1]", out var values, out _);

        Assert.True(ok);
        var pair = Assert.Single(values!);
        Assert.Equal("URL", pair.Key);
        Assert.Equal("http://x:1", pair.Value);
    }

    [Fact]
    public void TryParse_EmptyValue_IsAllowed()
    {
        var ok = ExtraEnvParser.TryParse("[A:]", out var values, out _);

        Assert.True(ok);
        Assert.Equal(new KeyValuePair<string, string>("A", string.Empty), Assert.Single(values!));
    }

    [Fact]
    public void TryParse_ItemWithoutColon_NamesPositionButNotValue()
    {
        var ok = ExtraEnvParser.TryParse("[A:1, hunter2secret]", out var values, out var reason);

        Assert.False(ok);
        Assert.Null(values);
        Assert.Contains("item 2", reason, StringComparison.Ordinal);
        Assert.Contains("':'", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1A:x]")]
    [InlineData("[:x]")]
    [InlineData("[A B:x]")]
    [InlineData("[A$:x]")]
    public void TryParse_BadName_FailsNamingInvalidName(string text)
    {
        var ok = ExtraEnvParser.TryParse(text, out _, out var reason);

        Assert.False(ok);
        Assert.Contains("item 1 has an invalid variable name", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(":x", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DuplicateName_FailsNamingRepeatedVariable()
    {
        var ok = ExtraEnvParser.TryParse("[A:1, B:2, A:3]", out _, out var reason);

        Assert.False(ok);
        Assert.Contains("item 3 repeats the variable A", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[A:1")]
    [InlineData("A:1]")]
    public void TryParse_OneBracketOnly_FailsAskingForBoth(string text)
    {
        var ok = ExtraEnvParser.TryParse(text, out _, out var reason);

        Assert.False(ok);
        Assert.Contains("both brackets", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TrailingComma_FailsOnTheEmptyItem()
    {
        var ok = ExtraEnvParser.TryParse("[A:1,]", out _, out var reason);

        Assert.False(ok);
        Assert.Contains("item 2", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"AWS_DEFAULT_REGION\":\"json-canary-value\"}")]
    [InlineData("[{\"name\":\"AWS_DEFAULT_REGION\",\"value\":\"json-canary-value\"}]")]
    [InlineData(" [\"AWS_DEFAULT_REGION:json-canary-value\"] ")]
    public void TryParse_Json_SaysJsonIsNotTheFormAndShowsTheAcceptedOneWithoutValues(string text)
    {
        var ok = ExtraEnvParser.TryParse(text, out _, out var reason);

        Assert.False(ok);
        Assert.Equal("it is JSON, which is not the accepted form: write [KEY:value, KEY2:value2], e.g. [AWS_DEFAULT_REGION:eu-west-1]", reason);
    }
}
