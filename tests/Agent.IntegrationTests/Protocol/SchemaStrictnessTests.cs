using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.IntegrationTests.Protocol;

/// <summary>The schemas are not vacuous: a valid example broken in one way a real bug would break it is rejected.</summary>
public sealed class SchemaStrictnessTests
{
    public static TheoryData<string, string, string?> Breakages() => new()
    {
        { "result-pipeline.run.json", "seq", null },
        { "result-pipeline.run.json", "replyTo", null },
        { "result-pipeline.run.json", "payload.code", "400" },
        { "result-unknown-type.json", "payload.reason", null },
        { "result-pipeline.run.json", "payload.platform", "\"Airflow\"" },
        { "run.status.json", "seq", null },
        { "run.status.json", "payload.timestamp", "1773480701" },
        { "run.status.json", "payload.pipelineState", "\"succeeded\"" },
        { "run.status.json", "payload.workflowName", null },
        { "hello.json", "ts", "\"2026-03-14T10:26:53.589+01:00\"" },
        { "hello.json", "ts", "\"yesterday\"" },
        { "hello.json", "payload.instanceId", "\"not-a-uuid\"" },
        { "hello.json", "payload.protocolVersions", "[2]" },
        { "hello.json", "payload.inventory", null },
        { "heartbeat.json", "seq", "7" },
        { "heartbeat.json", "payload.outboxDepth", "-1" },
        { "heartbeat.ack.json", "replyTo", null },
        { "welcome.json", "payload.protocolVersion", "2" },
        { "welcome.json", "payload.ackedSeq", null },
        { "ack.json", "payload.seq", "\"42\"" },
        { "error.json", "payload.reason", null },
        { "error.json", "id", null },
        { "pipeline.run.json", "payload.pipeline.pipelineType", "\"weekly\"" },
        { "pipeline.run.json", "payload.config", null },
        { "pipeline.run.json", "payload.deadline", "\"soon\"" },
        { "pipeline.killRun.json", "payload.runId", null },
        { "pipeline.toggle.json", "payload.enabled", "\"yes\"" },
        { "pipeline.deploy.json", "payload.pipeline.retries", null },
        { "service.status.json", "payload", null },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Validate_ExampleBrokenAtOnePath_IsRejected(string exampleFile, string path, string? replacement)
    {
        var message = JsonNode.Parse(File.ReadAllText(Path.Combine(ProtocolSchemas.ExamplesDirectory, exampleFile)))!.AsObject();
        using (var intact = JsonDocument.Parse(message.ToJsonString()))
        {
            Assert.Empty(ProtocolSchemas.Validate(intact.RootElement));
        }

        Break(message, path, replacement);

        using var broken = JsonDocument.Parse(message.ToJsonString());
        Assert.NotEmpty(ProtocolSchemas.Validate(broken.RootElement));
    }

    /// <summary>Removes the property at the dotted path, or sets it to the JSON <paramref name="replacement"/>.</summary>
    private static void Break(JsonObject message, string path, string? replacement)
    {
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate(message, (node, segment) => node[segment]!.AsObject());
        if (replacement is null)
        {
            Assert.True(parent.Remove(segments[^1]), $"{path} is not in the example");
        }
        else
        {
            parent[segments[^1]] = JsonNode.Parse(replacement);
        }
    }
}
