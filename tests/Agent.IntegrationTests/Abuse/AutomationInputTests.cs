using System.Text.Json;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Abuse;

/// <summary><c>automation.run</c> gets the same checks as a pipeline run: its name and its workflow are env text too.</summary>
public sealed class AutomationInputTests
{
    [Fact]
    public async Task AutomationRun_NameWithArgoTag_Answered400NamingTheName()
    {
        await using var rig = await AgentRig.StartAsync("automation-tag-name");

        // The config is sent apart, so only the name (which becomes ingestionPipelineFQN) carries the tag.
        var result = await SendAsync(
            rig, new Dictionary<string, string> { ["name"] = "test-{{workflow.uid}}", ["workflowType"] = "TEST_CONNECTION" }, JsonSerializer.SerializeToElement("{\"type\": \"TestConnection\"}"));

        Assert.Equal(400, result.Code);
        Assert.StartsWith("payload field 'workflow.name' contains '{{' in '{{workflow.uid}}'", result.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Emulator.ListWorkflows());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task AutomationRun_WorkflowAtTheExecLimitOrOneByteOver_StartedOrAnswered400(int bytesOver)
    {
        await using var rig = await AgentRig.StartAsync("automation-exec-limit");
        var empty = JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = "test-connection", ["padding"] = "" }, ProtocolJsonContext.Default.DictionaryStringString);
        var padding = new string('p', RunRequestValidation.MaxConfigBytes - empty.Length + bytesOver);

        var result = await SendAsync(rig, new Dictionary<string, string> { ["name"] = "test-connection", ["padding"] = padding });

        if (bytesOver == 0)
        {
            Assert.True(result.Ok, result.Reason);
        }
        else
        {
            Assert.Equal(400, result.Code);
            Assert.StartsWith($"payload field 'workflow' is {RunRequestValidation.MaxConfigBytes + 1} bytes", result.Reason, StringComparison.Ordinal);
            Assert.Empty(rig.Emulator.ListWorkflows());
        }
    }

    internal static Task<ResultPayload> SendAsync(AgentRig rig, Dictionary<string, string> workflow, JsonElement? config = null) =>
        rig.SendAsync(MessageTypes.AutomationRun, JsonSerializer.SerializeToElement(
            new AutomationRunRequest(JsonSerializer.SerializeToElement(workflow, ProtocolJsonContext.Default.DictionaryStringString), config ?? JsonDocument.Parse("null").RootElement),
            ProtocolJsonContext.Default.AutomationRunRequest));
}
