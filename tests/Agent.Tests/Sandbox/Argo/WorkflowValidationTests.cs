using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Validation;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>Argo v4.1.2 workflow/validate/validate.go rules and messages (FIDELITY §3.1, §3.4), one per case.</summary>
public class WorkflowValidationTests
{
    [Fact]
    public void Validate_AgentShapedWorkflow_Accepts()
    {
        Assert.Null(Validate(AgentShaped()));
    }

    [Fact]
    public void Validate_EmptyEntrypoint_AnswersEntrypointRequired()
    {
        var workflow = AgentShaped();
        workflow["spec"]!["entrypoint"] = "";

        Assert.Equal("3: spec.entrypoint is required", Validate(workflow));
    }

    [Theory]
    [InlineData("entrypoint")]
    [InlineData("onExit")]
    public void Validate_HolderNamingNoTemplate_AnswersTemplateUndefined(string field)
    {
        var workflow = AgentShaped();
        workflow["spec"]![field] = "nowhere";

        Assert.Equal("3: template name 'nowhere' undefined", Validate(workflow));
    }

    [Fact]
    public void Validate_NameOver63Characters_AnswersArgosLengthMessage()
    {
        var name = new string('a', 64);
        var workflow = AgentShaped();
        workflow["metadata"]!["name"] = name;

        Assert.Equal($"3: workflow name \"{name}\" must not be more than 63 characters long (currently 64)", Validate(workflow));
    }

    [Theory]
    [InlineData("{{inputs.parameters.x}}", "3: templates.ingestion: failed to resolve {{inputs.parameters.x}}")]
    [InlineData("{{ workflow.nope }}", "3: templates.ingestion: failed to resolve {{ workflow.nope }}")]
    [InlineData("{{steps.a.outputs.result}}", "3: templates.ingestion: failed to resolve {{steps.a.outputs.result}}")]
    [InlineData("{{workflow.labels.absent}}", "3: templates.ingestion: failed to resolve {{workflow.labels.absent}}")]
    [InlineData("{{workflow.failures}}", "3: templates.ingestion: failed to resolve {{workflow.failures}}")]
    // fasttemplate ends a tag at the next "}}" even when it is JSON structure: here the env's closing "}]}}".
    [InlineData("{{workflow.name", "3: templates.ingestion: failed to resolve {{workflow.name\"}]}}")]
    public void Validate_UnresolvableTagInEntrypoint_AnswersFailedToResolve(string value, string expected)
    {
        var workflow = AgentShaped(mainEnv: value);

        Assert.StartsWith(expected, Validate(workflow), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{workflow.name}}-{{workflow.uid}}-{{workflow.namespace}}-{{workflow.status}}")]
    [InlineData("{{workflow.serviceAccountName}} {{workflow.mainEntrypoint}} {{pod.name}}")]
    [InlineData("{{workflow.labels.team}} {{workflow.annotations.note}} {{workflow.labels.json}}")]
    [InlineData("{{workflow.creationTimestamp.RFC3339}} {{workflow.duration}} {{workflow.scheduledTime}} {{outputs.result}}")]
    [InlineData("{{ ref('x') }} {{ var('y') }} {{foo}} {{item}}")]
    [InlineData("{{=inputs.parameters.never + 'x'}}")]
    public void Validate_ResolvableOrForeignTag_Accepts(string value)
    {
        Assert.Null(Validate(AgentShaped(mainEnv: value)));
    }

    [Fact]
    public void Validate_UnterminatedTagInLastField_AnswersFasttemplatesParseError()
    {
        var workflow = AgentShaped();
        workflow["spec"]!["templates"]![0]!["activeDeadlineSeconds"] = "{{x";

        Assert.StartsWith("3: templates.ingestion Cannot find end tag=\"}}\" in the template=", Validate(workflow), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FailuresInExitHandler_AcceptsButNotInEntrypoint()
    {
        Assert.Null(Validate(AgentShaped(exitEnv: "{{workflow.failures}}")));
        Assert.NotNull(Validate(AgentShaped(mainEnv: "{{workflow.failures}}")));
    }

    [Fact]
    public void Validate_DeclaredInputParameter_Resolves()
    {
        var workflow = AgentShaped(mainEnv: "{{inputs.parameters.x}}");
        workflow["spec"]!["templates"]![0]!["inputs"] = new JsonObject
        {
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "x", ["value"] = "1" }),
        };

        Assert.Null(Validate(workflow));
    }

    [Fact]
    public void Validate_UnreachedTemplateWithBadTag_AnswersWithNamePrefixedTwice()
    {
        var workflow = AgentShaped();
        ((JsonArray)workflow["spec"]!["templates"]!).Add(Container("spare", "{{inputs.parameters.y}}"));

        Assert.Equal("3: templates.spare templates.spare: failed to resolve {{inputs.parameters.y}}", Validate(workflow));
    }

    [Theory]
    [InlineData("", "3: spec.templates[1].name is required")]
    [InlineData("ingestion", "3: spec.templates[1].name 'ingestion' is not unique")]
    [InlineData("bad_name", "3: spec.templates[1].name: 'bad_name' is invalid: name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)")]
    public void Validate_BadTemplateName_AnswersFieldNameMessage(string name, string expected)
    {
        var workflow = AgentShaped();
        workflow["spec"]!["templates"]![1]!["name"] = name;

        Assert.Equal(expected, Validate(workflow));
    }

    [Fact]
    public void Validate_TemplateWithoutType_AnswersTypeUnspecified()
    {
        var workflow = AgentShaped();
        workflow["spec"]!["templates"]![0]!.AsObject().Remove("container");

        Assert.Equal(
            "3: templates.ingestion template type unspecified. choose one of: container, containerSet, steps, script, resource, dag, suspend, template, template ref",
            Validate(workflow));
    }

    [Fact]
    public void Validate_EmptyImageWithoutDefaults_AnswersImageMayNotBeEmpty()
    {
        var workflow = AgentShaped();
        workflow["spec"]!["templates"]![0]!["container"]!["image"] = "";

        Assert.Equal("3: templates.ingestion.container.image may not be empty", Validate(workflow));
    }

    [Fact]
    public void Validate_UnknownRetryPolicy_AnswersNotAValidRetryPolicy()
    {
        var workflow = AgentShaped();
        workflow["spec"]!["templates"]![0]!["retryStrategy"] = new JsonObject { ["retryPolicy"] = "Sometimes" };

        Assert.Equal("3: Sometimes is not a valid RetryPolicy", Validate(workflow));
    }

    [Fact]
    public void Validate_UnknownPodGcStrategy_AnswersUnknownStrategy()
    {
        var workflow = AgentShaped();
        workflow["spec"]!["podGC"] = new JsonObject { ["strategy"] = "OnSunday" };

        Assert.Equal("3: podGC.strategy unknown strategy 'OnSunday'", Validate(workflow));
    }

    [Fact]
    public void Validate_ArgumentWithoutValue_AnswersValueRequiredAndDeclaresTheParameter()
    {
        var workflow = AgentShaped(mainEnv: "{{workflow.parameters.p}}");
        var parameter = new JsonObject { ["name"] = "p" };
        workflow["spec"]!["arguments"] = new JsonObject { ["parameters"] = new JsonArray(parameter) };

        Assert.Equal("3: spec.arguments.p.value or spec.arguments.p.valueFrom is required", Validate(workflow));
        parameter["value"] = "v";
        Assert.Null(Validate(workflow));
    }

    /// <summary>Like the agent's: entrypoint `ingestion`, onExit `exit-handler`, {{workflow.status}} and {{workflow.uid}} in env.</summary>
    internal static JsonObject AgentShaped(string mainEnv = "{{workflow.uid}}", string exitEnv = "{{workflow.status}}") => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = "om-run-1",
            ["labels"] = new JsonObject { ["team"] = "data" },
            ["annotations"] = new JsonObject { ["note"] = "x" },
        },
        ["spec"] = new JsonObject
        {
            ["entrypoint"] = "ingestion",
            ["onExit"] = "exit-handler",
            ["templates"] = new JsonArray(Container("ingestion", mainEnv), Container("exit-handler", exitEnv)),
        },
    };

    private static JsonObject Container(string name, string envValue) => new()
    {
        ["name"] = name,
        ["container"] = new JsonObject
        {
            ["image"] = "openmetadata/ingestion-base:1.9",
            ["env"] = new JsonArray(new JsonObject { ["name"] = "value", ["value"] = envValue }),
        },
    };

    private static string? Validate(JsonObject workflow) => ValidationResult.Of(() => WorkflowValidator.Validate(workflow));
}
