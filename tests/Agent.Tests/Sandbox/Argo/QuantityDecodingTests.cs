using System.Net;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Validation;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>
/// Resource quantities decode as apimachinery's ParseQuantity does, and one that does not fails the submit with its
/// text, as the Argo Server's JSON decoder does (FIDELITY §3.0; k8s.io/apimachinery pkg/api/resource/quantity.go).
/// </summary>
public class QuantityDecodingTests
{
    [Theory]
    [InlineData("4Gi")]
    [InlineData("4G")]
    [InlineData("512Mi")]
    [InlineData("500m")]
    [InlineData("1.5")]
    [InlineData(".5Ki")]
    [InlineData("1.")]
    [InlineData("1e3")]
    [InlineData("1E-3")]
    [InlineData("2E")]
    [InlineData("-1")]
    [InlineData(" 1Gi ")]
    [InlineData("+")]
    public void ParseError_Quantity_IsNull(string text) => Assert.Null(QuantityDecoding.ParseError(text));

    [Theory]
    [InlineData("4GB", QuantityDecoding.FormatWrong)]
    [InlineData("lots", QuantityDecoding.FormatWrong)]
    [InlineData("", QuantityDecoding.FormatWrong)]
    [InlineData("1Gi1x", QuantityDecoding.FormatWrong)]
    [InlineData("4K", QuantityDecoding.SuffixWrong)]
    [InlineData("4mi", QuantityDecoding.SuffixWrong)]
    [InlineData("1e", QuantityDecoding.SuffixWrong)]
    [InlineData("1ei", QuantityDecoding.SuffixWrong)]
    public void ParseError_NotAQuantity_IsTheParsersText(string text, string expected) => Assert.Equal(expected, QuantityDecoding.ParseError(text));

    [Fact]
    public async Task Create_MemoryLimitNotAQuantity_Returns400WithTheDecodersTextAndCreatesNothing()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = WorkflowValidationTests.AgentShaped();
        workflow["spec"]!["templates"]![0]!["container"]!["resources"] = Resources(limits: new JsonObject { ["cpu"] = "1", ["memory"] = "4GB" });

        using var response = await sandbox.CreateAsync(workflow);

        var error = await ArgoSandbox.ReadObjectAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, error["code"]!.GetValue<int>());
        Assert.Equal(QuantityDecoding.FormatWrong, error["message"]!.GetValue<string>());
        Assert.Empty(sandbox.Emulator.ListWorkflows());
    }

    [Fact]
    public async Task Create_RequestWithUnknownSuffix_Returns400SuffixError()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = WorkflowValidationTests.AgentShaped();
        workflow["spec"]!["templates"]![0]!["container"]!["resources"] = Resources(requests: new JsonObject { ["memory"] = "4K" });

        using var response = await sandbox.CreateAsync(workflow);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(QuantityDecoding.SuffixWrong, (await ArgoSandbox.ReadObjectAsync(response))["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ValidQuantitiesIncludingANumber_Accepted()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = WorkflowValidationTests.AgentShaped();
        workflow["spec"]!["templates"]![0]!["container"]!["resources"] =
            Resources(limits: new JsonObject { ["cpu"] = 2, ["memory"] = "4Gi" }, requests: new JsonObject { ["cpu"] = "500m" });

        var created = await sandbox.CreateOkAsync(workflow);

        Assert.Equal("4Gi", created["spec"]!["templates"]![0]!["container"]!["resources"]!["limits"]!["memory"]!.GetValue<string>());
    }

    private static JsonObject Resources(JsonObject? limits = null, JsonObject? requests = null)
    {
        var resources = new JsonObject();
        if (limits is not null)
        {
            resources["limits"] = limits;
        }

        if (requests is not null)
        {
            resources["requests"] = requests;
        }

        return resources;
    }
}
