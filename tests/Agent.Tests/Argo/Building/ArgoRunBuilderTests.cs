using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Building;
using Agent.Core.Executors.Argo.Customization;
using Agent.Core.Execution;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Serialization.Json;

namespace Agent.Tests.Argo.Building;

/// <summary>Issue 14: a run and a schedule of the same pipeline go through one build path, with the same customization key and policy.</summary>
public sealed class ArgoRunBuilderTests : IDisposable
{
    private readonly string _policyFile = Path.GetTempFileName();

    /// <summary>The customizer works on the spec's JSON form, read and written by Kiota as the generated client registers it.</summary>
    public ArgoRunBuilderTests()
    {
        ApiClientBuilder.RegisterDefaultSerializer<JsonSerializationWriterFactory>();
        ApiClientBuilder.RegisterDefaultDeserializer<JsonParseNodeFactory>();
    }

    [Fact]
    public async Task BuildScheduleAsync_PipelineTypeConfigAndPolicy_CustomizedAndRefusedAsItsRun()
    {
        var ingestion = WorkflowFactoryFixture.Ingestion();
        ingestion.PipelineTypeConfigs = """{"metadata":{"priorityClassName":"ingestion-high"}}""";
        await File.WriteAllTextAsync(_policyFile, "images:\n  - registry.example/ingestion:*\n");
        var builder = new ArgoRunBuilder(
            WorkflowFactoryFixture.Factory(ingestion),
            new CronWorkflowFactory(Options.Create(new ArgoOptions { Namespace = "ingest" })),
            new WorkflowCustomizer(PodCustomization.Load(ingestion)),
            LocalPolicy.Load(_policyFile));

        var run = await builder.BuildRunAsync(WorkflowFactoryFixture.Run(), CancellationToken.None);
        var (cron, refusal) = await builder.BuildScheduleAsync(
            new ScheduleRequest(WorkflowFactoryFixture.Run(), "@daily", null, Enabled: true), "0 0 * * *", CancellationToken.None);

        Assert.Equal("ingestion-high", run.Workflow.Spec!.PodPriorityClassName);
        Assert.Equal("ingestion-high", cron.Spec!.WorkflowSpec!.PodPriorityClassName);
        Assert.Equal("local policy does not allow image 'openmetadata/ingestion:1.9.0'", run.Refusal);
        Assert.Equal(run.Refusal, refusal);
        Assert.Equal(WorkflowNames.ForRun("Daily Metadata", WorkflowFactoryFixture.RunId), run.WorkflowName);
    }

    [Theory]
    [InlineData("metadata", RunKind.Ingestion)]
    [InlineData("application", RunKind.Application)]
    [InlineData("automation", RunKind.Automation)]
    public void RunKindsFor_PipelineType_ChoosesTheEntrypoint(string pipelineType, object kindValue)
    {
        var kind = (RunKind)kindValue;
        Assert.Equal(kind, RunKinds.For(pipelineType));
    }

    [Fact]
    public void CustomizationKey_Automation_IsTheAutomationEntryWhateverItsPipelineType()
    {
        Assert.Equal("automation", ArgoRunBuilder.CustomizationKey(WorkflowFactoryFixture.Run(RunKind.Automation)));
        Assert.Equal("metadata", ArgoRunBuilder.CustomizationKey(WorkflowFactoryFixture.Run(RunKind.Ingestion)));
    }

    public void Dispose() => File.Delete(_policyFile);
}
