using System.Text.Json;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Operations.Handlers;

/// <summary>Only the <c>{{…}}</c> tags Argo acts on are refused (FIDELITY §3.4); Jinja and regex pass unchanged.</summary>
public sealed class ArgoTemplateTagsTests
{
    private const string RunId = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

    [Theory]
    [InlineData("sql: select * from {{ ref('orders') }}")]
    [InlineData("header: \"{{ config(materialized='table') }}\"")]
    [InlineData("filter: '{{ var(\"y\") }}'")]
    [InlineData("includes: ['^sales_\\d{{2}}$']")]
    [InlineData("a: '{{foo}} {{ workflow }} {{workflowname}} {{ inputs }} {{ retry }} {{ node }} {{ items }}'")]
    [InlineData("a: '{{ = not an expression }}'")]
    public void Validate_TemplateTextArgoLeavesAlone_PassesAndIsKeptVerbatim(string config)
    {
        var element = JsonSerializer.SerializeToElement(config);

        Assert.Null(RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", "dbt"), element, RunId));
        Assert.Null(ArgoTemplateTags.FirstActedOn(config));
        Assert.Equal(config, RunRequestValidation.ConfigText(element));
    }

    [Theory]
    [InlineData("q: {{workflow.name}}", "{{workflow.name}}")]
    [InlineData("q: {{ workflow.uid }}", "{{ workflow.uid }}")]
    [InlineData("q: {{inputs.parameters.x}}", "{{inputs.parameters.x}}")]
    [InlineData("q: {{outputs.result}}", "{{outputs.result}}")]
    [InlineData("q: {{pod.name}}", "{{pod.name}}")]
    [InlineData("q: {{steps.a.outputs.result}}", "{{steps.a.outputs.result}}")]
    [InlineData("q: {{tasks.a.ip}}", "{{tasks.a.ip}}")]
    [InlineData("q: {{item.key}}", "{{item.key}}")]
    [InlineData("q: {{item}}", "{{item}}")]
    [InlineData("q: {{retries}}", "{{retries}}")]
    [InlineData("q: {{ node.name }}", "{{ node.name }}")]
    [InlineData("q: {{lastRetry.exitCode}}", "{{lastRetry.exitCode}}")]
    [InlineData("q: {{=1 + 1}}", "{{=1 + 1}}")]
    [InlineData("q: {{=sprig.trim(' x ')}}", "{{=sprig.trim(' x ')}}")]
    [InlineData("q: {{ ref('a') }} then {{ a {{workflow.name}}", "{{ a {{workflow.name}}")]
    [InlineData("q: {{ ref('a') }} then {{ unclosed", "{{ unclosed")]
    public void FirstActedOn_TagArgoSubstitutesEvaluatesOrRejects_ReturnsIt(string text, string tag)
    {
        Assert.Equal(tag, ArgoTemplateTags.FirstActedOn(text));
    }

    [Fact]
    public void Validate_UnclosedTag_NamesTheFieldAndSaysWhy()
    {
        var reason = RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", "metadata"), JsonSerializer.SerializeToElement("q: {{ x"), RunId);

        Assert.StartsWith("payload field 'config' contains '{{' with no '}}' after it", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TagArgoActsOn_NamesTheFieldAndTheTag()
    {
        var reason = RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", "metadata"), JsonSerializer.SerializeToElement("q: {{ ref('x') }} {{retries}}"), RunId);

        Assert.StartsWith("payload field 'config' contains '{{' in '{{retries}}'", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q: {{workflow.name}}")]
    [InlineData("q: {{=sprig.trim(' x ')}}")]
    [InlineData("q: {{ unclosed")]
    public void Validate_ExecutorWithoutArgoTemplates_PassesTagsArgoWouldActOn(string config)
    {
        // The Kubernetes executor passes the config by secretKeyRef, which nothing expands (RunTextRules.Kubernetes).
        var element = JsonSerializer.SerializeToElement(config);

        Assert.Null(RunRequestValidation.Validate(new PipelineInfo("svc.{{workflow.uid}}", "p", "metadata"), element, RunId, refuseTemplateTags: false));
        Assert.NotNull(RunRequestValidation.Validate(new PipelineInfo("svc.p", "p", "metadata"), element, RunId));
    }
}
