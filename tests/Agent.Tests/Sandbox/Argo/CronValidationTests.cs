using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Validation;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>Argo v4.1.2 validate.CronWorkflow (FIDELITY §3.5), checked in Argo's order.</summary>
public class CronValidationTests
{
    [Fact]
    public void Validate_AgentShapedCron_Accepts()
    {
        Assert.Null(Validate(Cron()));
    }

    [Fact]
    public void Validate_NameOver52Characters_AnswersCronLengthMessage()
    {
        var name = new string('c', 53);
        var cron = Cron();
        cron["metadata"]!["name"] = name;

        Assert.Equal($"3: cron workflow name \"{name}\" must not be more than 52 characters long (currently 53)", Validate(cron));
    }

    [Fact]
    public void Validate_MalformedSchedule_AnswersScheduleIsMalformed()
    {
        var cron = Cron();
        cron["spec"]!["schedules"] = new JsonArray("0 2 * * *", "0 2 * *");

        Assert.Equal("3: cron schedule 0 2 * * is malformed: expected exactly 5 fields, found 4: [0 2 * *]", Validate(cron));
    }

    [Theory]
    [InlineData("timezone", "Mars/Olympus", "3: invalid timezone \"Mars/Olympus\": unknown time zone Mars/Olympus")]
    [InlineData("concurrencyPolicy", "Sometimes", "3: 'Sometimes' is not a valid concurrencyPolicy")]
    [InlineData("timezone", "Asia/Kolkata", null)]
    [InlineData("concurrencyPolicy", "Replace", null)]
    public void Validate_SpecField_AnswersArgosMessage(string field, string value, string? expected)
    {
        var cron = Cron();
        cron["spec"]![field] = value;

        Assert.Equal(expected, Validate(cron));
    }

    [Fact]
    public void Validate_NegativeStartingDeadline_AnswersMustBePositive()
    {
        var cron = Cron();
        cron["spec"]!["startingDeadlineSeconds"] = -1;

        Assert.Equal("3: startingDeadlineSeconds must be positive", Validate(cron));
    }

    [Fact]
    public void Validate_EmbeddedWorkflowInvalid_AnswersWithCannotValidatePrefix()
    {
        var cron = Cron();
        cron["spec"]!["workflowSpec"]!["onExit"] = "nowhere";

        Assert.Equal("3: cannot validate Workflow: template name 'nowhere' undefined", Validate(cron));
    }

    [Fact]
    public void Validate_WorkflowMetadataLabel_ResolvesAsWorkflowLabel()
    {
        var cron = Cron();
        cron["spec"]!["workflowMetadata"] = new JsonObject { ["labels"] = new JsonObject { ["pipeline"] = "p" } };
        cron["spec"]!["workflowSpec"]!["templates"]![0]!["container"]!["env"]![0]!["value"] =
            "{{workflow.labels.pipeline}} {{workflow.labels.workflows.argoproj.io/cron-workflow}}";

        Assert.Null(Validate(cron));
    }

    private static JsonObject Cron() => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "om-cron-nightly" },
        ["spec"] = new JsonObject
        {
            ["schedules"] = new JsonArray("0 2 * * *"),
            ["timezone"] = "UTC",
            ["concurrencyPolicy"] = "Forbid",
            ["startingDeadlineSeconds"] = 0,
            ["workflowSpec"] = WorkflowValidationTests.AgentShaped()["spec"]!.DeepClone(),
        },
    };

    private static string? Validate(JsonObject cron) => ValidationResult.Of(() => CronWorkflowValidator.Validate(cron));
}
