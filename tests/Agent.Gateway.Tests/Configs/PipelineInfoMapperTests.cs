using System.Text.Json.Nodes;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Configs;

namespace Agent.Gateway.Tests.Configs;

/// <summary>The protocol's pipeline object from an IngestionPipeline's identity and <c>airflowConfig</c>.</summary>
public sealed class PipelineInfoMapperTests
{
    [Fact]
    public void From_ScheduledPipeline_AllFieldsMapped()
    {
        var info = PipelineInfoMapper.From(IngestionPipelines.Element(IngestionPipelines.Pipeline("metadata")));

        Assert.Equal(new PipelineInfo("mysql_prod.mysql_prod_metadata_Ab12Cd", "mysql_prod_metadata_Ab12Cd", "metadata",
            Enabled: true, Schedule: "0 * * * *", Timezone: "Europe/Paris", Retries: 2, RetryDelaySeconds: 300, LoggerLevel: "DEBUG"), info);
    }

    [Fact]
    public void From_PausedPipeline_Disabled()
    {
        var payload = IngestionPipelines.Pipeline("metadata");
        payload["airflowConfig"]!["pausePipeline"] = true;

        Assert.False(PipelineInfoMapper.From(IngestionPipelines.Element(payload)).Enabled);
    }

    [Fact]
    public void From_DisabledPipeline_Disabled()
    {
        var payload = IngestionPipelines.Pipeline("metadata");
        payload["enabled"] = false;

        Assert.False(PipelineInfoMapper.From(IngestionPipelines.Element(payload)).Enabled);
    }

    [Fact]
    public void From_NullSchedule_OnDemand()
    {
        var payload = IngestionPipelines.Pipeline("metadata");
        payload["airflowConfig"]!["scheduleInterval"] = null;

        Assert.Null(PipelineInfoMapper.From(IngestionPipelines.Element(payload)).Schedule);
    }

    [Fact]
    public void From_NoName_ClearError()
    {
        var payload = IngestionPipelines.Pipeline("metadata");
        payload.Remove("name");

        var error = Assert.Throws<RunConfigException>(() => PipelineInfoMapper.From(IngestionPipelines.Element(payload)));

        Assert.Equal("the deploy payload has no name", error.Message);
    }

    [Fact]
    public void From_NotAnObject_ClearError() =>
        Assert.Throws<RunConfigException>(() => PipelineInfoMapper.From(IngestionPipelines.Element(new JsonArray())));
}
