using Agent.Core.Execution;
using System.Text.Json;
using Agent.Core.Executors.Argo.Building;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Agent.Tests.Argo.Building;

public class WorkflowFactorySerializationTests
{
    public WorkflowFactorySerializationTests() => ApiClientBuilder.RegisterDefaultSerializer<JsonSerializationWriterFactory>();

    [Fact]
    public async Task Serialize_Workflow_WritesLabelsAsObjectOfStrings()
    {
        using var json = await SerializeAsync();

        var labels = json.RootElement.GetProperty("metadata").GetProperty("labels");
        Assert.Equal(JsonValueKind.Object, labels.ValueKind);
        Assert.All(labels.EnumerateObject(), label => Assert.Equal(JsonValueKind.String, label.Value.ValueKind));
        Assert.Equal("agent-7", labels.GetProperty(WorkflowLabels.AgentId).GetString());
        Assert.Equal(WorkflowLabels.ManagedByValue, labels.GetProperty(WorkflowLabels.ManagedBy).GetString());
    }

    [Fact]
    public async Task Serialize_Workflow_WritesSpecWithArgoFieldNames()
    {
        using var json = await SerializeAsync();

        var root = json.RootElement;
        Assert.Equal(WorkflowFactoryFixture.PipelineFqn, root.GetProperty("metadata").GetProperty("annotations").GetProperty(WorkflowLabels.PipelineFqnAnnotation).GetString());
        var spec = root.GetProperty("spec");
        Assert.Equal(WorkflowFactory.MainTemplate, spec.GetProperty("entrypoint").GetString());
        Assert.Equal(WorkflowFactory.ExitTemplate, spec.GetProperty("onExit").GetString());
        Assert.Equal(3600, spec.GetProperty("ttlStrategy").GetProperty("secondsAfterCompletion").GetInt32());
        var container = spec.GetProperty("templates")[0].GetProperty("container");
        Assert.Equal("python", container.GetProperty("command")[0].GetString());
        Assert.Equal("1000m", container.GetProperty("resources").GetProperty("limits").GetProperty("cpu").GetString());
        Assert.Contains(
            container.GetProperty("env").EnumerateArray(),
            env => env.GetProperty("name").GetString() == "pipelineRunId" && env.GetProperty("value").GetString() == WorkflowFactoryFixture.RunId);
    }

    private static async Task<JsonDocument> SerializeAsync()
    {
        var workflow = WorkflowFactoryFixture.Factory().Build(WorkflowFactoryFixture.Run());
        var text = await KiotaJsonSerializer.SerializeAsStringAsync(workflow);
        return JsonDocument.Parse(text);
    }
}
