using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Templating;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>Runtime {{…}} substitution as Argo v4.1.2 SubstituteParams does it (util/template, FIDELITY §3.4).</summary>
public class ArgoTemplateTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["workflow.name"] = "om-run-1",
        ["workflow.status"] = "Failed",
        ["workflow.uid"] = "0d6f3c1e",
        ["pod.name"] = "om-run-1-ingestion-123",
    };

    [Theory]
    [InlineData("{{workflow.name}}", "om-run-1")]
    [InlineData("run={{ workflow.uid }}/{{pod.name}}", "run=0d6f3c1e/om-run-1-ingestion-123")]
    [InlineData("{{ var('x') }} {{foo}}", "{{ var('x') }} {{foo}}")]
    [InlineData("{{inputs.parameters.x}}", "{{inputs.parameters.x}}")]
    [InlineData("{{=workflow.status == 'Succeeded' ? 'ok' : 'bad: ' + workflow.name}}", "bad: om-run-1")]
    [InlineData("{{=sprig.upper(workflow.status)}}", "FAILED")]
    [InlineData("{{=1 + 2}}", "3")]
    [InlineData("{{=workflow.status != \"Failed\"}}", "false")]
    [InlineData("{{=sprig.date('2006', now())}}", "{{=sprig.date('2006', now())}}")]
    [InlineData("{{=missing.thing}}", "{{=missing.thing}}")]
    public void Substitute_EnvValue_ReplacesAsArgo(string value, string expected)
    {
        var result = ArgoTemplate.Substitute(Template(value), Variables);

        Assert.Equal(expected, result["container"]!["env"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Substitute_ValueWithQuotesAndNewlines_StaysOneJsonString()
    {
        var variables = new Dictionary<string, string> { ["workflow.name"] = "a \"quoted\"\nline\\" };

        var result = ArgoTemplate.Substitute(Template("<{{workflow.name}}>"), variables);

        Assert.Equal("<a \"quoted\"\nline\\>", result["container"]!["env"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Substitute_ValueWithBellCharacter_ThrowsInvalidJson()
    {
        var variables = new Dictionary<string, string> { ["workflow.name"] = "ding\a" };

        var exception = Assert.Throws<ArgoTemplateException>(() => ArgoTemplate.Substitute(Template("{{workflow.name}}"), variables));

        Assert.Equal("cannot finish template replacement because the result was invalid JSON", exception.Message);
    }

    [Fact]
    public void Substitute_UnterminatedTag_ThrowsFasttemplatesError()
    {
        var template = Template("x");
        template["activeDeadlineSeconds"] = "{{workflow.name";

        var exception = Assert.Throws<ArgoTemplateException>(() => ArgoTemplate.Substitute(template, Variables));

        Assert.StartsWith("Cannot find end tag=\"}}\" in the template=", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitute_Template_LeavesInputUntouched()
    {
        var template = Template("{{workflow.name}}");

        ArgoTemplate.Substitute(template, Variables);

        Assert.Equal("{{workflow.name}}", template["container"]!["env"]![0]!["value"]!.GetValue<string>());
    }

    private static JsonObject Template(string envValue) => new()
    {
        ["name"] = "ingestion",
        ["container"] = new JsonObject
        {
            ["image"] = "openmetadata/ingestion-base:1.9",
            ["env"] = new JsonArray(new JsonObject { ["name"] = "value", ["value"] = envValue }),
        },
    };
}
