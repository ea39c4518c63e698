using Agent.Core.Ingestion;

namespace Agent.Tests.Ingestion;

/// <summary>The agent's check of CPU and memory settings follows apimachinery's quantity grammar (quantity.go, suffix.go).</summary>
public class KubernetesQuantityTests
{
    [Theory]
    [InlineData("4Gi")]
    [InlineData("4G")]
    [InlineData("512Mi")]
    [InlineData("1000m")]
    [InlineData("0.5")]
    [InlineData(".5")]
    [InlineData("2.")]
    [InlineData("1e3")]
    [InlineData("1E+3")]
    [InlineData("3E")]
    [InlineData("100n")]
    [InlineData("10u")]
    [InlineData("1k")]
    [InlineData("1Ei")]
    [InlineData("+2")]
    [InlineData("-0")]
    [InlineData(" 1Gi ")]
    public void Judge_Quantity_Valid(string text) => Assert.Equal(KubernetesQuantity.Verdict.Valid, KubernetesQuantity.Judge(text));

    [Theory]
    [InlineData("4GB")]
    [InlineData("lots")]
    [InlineData("4K")]
    [InlineData("4gi")]
    [InlineData("1e")]
    [InlineData("1e1.5")]
    [InlineData("1 Gi")]
    [InlineData("Gi")]
    [InlineData("0x10")]
    public void Judge_NotAQuantity_Refused(string text) => Assert.Equal(KubernetesQuantity.Verdict.NotAQuantity, KubernetesQuantity.Judge(text));

    [Theory]
    [InlineData("-1")]
    [InlineData("-500m")]
    [InlineData("-0.1Gi")]
    public void Judge_Negative_Refused(string text) => Assert.Equal(KubernetesQuantity.Verdict.Negative, KubernetesQuantity.Judge(text));

    [Fact]
    public void Validator_BadQuantitiesInBothPodResources_NamesEachByDisplayName()
    {
        var options = new IngestionOptions
        {
            Image = "openmetadata/ingestion:1.9.0",
            Resources = new PodResources { MemoryLimit = "4GB", CpuLimit = "1" },
            AutomationResources = new PodResources { CpuRequest = "-1" },
        };

        var result = new IngestionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.EndsWith("IngestionOptions.Resources.MemoryLimit is not a Kubernetes quantity (e.g. 4Gi, 4G, 512Mi)", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("IngestionOptions.AutomationResources.CpuRequest must not be negative", StringComparison.Ordinal));
        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void Validator_Defaults_Accepted() =>
        Assert.True(new IngestionOptionsValidator().Validate(null, new IngestionOptions { Image = "openmetadata/ingestion:1.9.0" }).Succeeded);
}
