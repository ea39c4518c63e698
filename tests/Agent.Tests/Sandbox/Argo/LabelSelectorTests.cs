using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Query;

namespace Agent.Tests.Sandbox.Argo;

public class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["app"] = "ingest",
        ["workflows.argoproj.io/completed"] = "false",
        ["tier"] = "gold",
        ["count"] = "7",
    };

    [Theory]
    [InlineData("app=ingest", true)]
    [InlineData("app==ingest", true)]
    [InlineData("app=other", false)]
    [InlineData("app!=other", true)]
    [InlineData("app!=ingest", false)]
    [InlineData("missing!=x", true)]
    [InlineData("tier in (gold, silver)", true)]
    [InlineData("tier in (silver)", false)]
    [InlineData("tier notin (silver,bronze)", true)]
    [InlineData("tier notin (gold)", false)]
    [InlineData("missing notin (gold)", true)]
    [InlineData("app", true)]
    [InlineData("missing", false)]
    [InlineData("!missing", true)]
    [InlineData("!app", false)]
    [InlineData("count>5", true)]
    [InlineData("count<5", false)]
    [InlineData("workflows.argoproj.io/completed!=true", true)]
    [InlineData("app=ingest,tier=gold", true)]
    [InlineData("app=ingest,tier=silver", false)]
    [InlineData("", true)]
    public void Matches_Operator_FollowsKubernetesSemantics(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels));
    }

    [Fact]
    public void Parse_EqualsWithoutValue_SelectsEmptyValue()
    {
        var selector = LabelSelector.Parse("app=");

        Assert.True(selector.Matches(new Dictionary<string, string> { ["app"] = "" }));
        Assert.False(selector.Matches(Labels));
    }

    [Theory]
    [InlineData("app=a,")]
    [InlineData("tier in gold")]
    [InlineData("tier in (gold")]
    [InlineData("=x")]
    [InlineData("app=bad value")]
    [InlineData("app=a=b")]
    [InlineData("bad_key!*=x")]
    [InlineData("count>abc")]
    public void Parse_MalformedSelector_ThrowsInvalidArgument(string selector)
    {
        var exception = Assert.Throws<ArgoApiException>(() => LabelSelector.Parse(selector));

        Assert.Equal(GrpcCode.InvalidArgument, exception.GrpcCode);
        Assert.Equal(400, exception.HttpStatus);
    }
}
