using System.Text.Json;

namespace Agent.Gateway.Configs;

/// <summary>
/// The WorkflowConfigBuilder port (OM WorkflowConfigBuilder.java @30b1a60d, buildIngestionStringYaml): an application
/// pipeline gets an OpenMetadataAppConfig, every other supported type an OpenMetadataWorkflowConfig whose source type
/// comes from the service entity, looked up with the payload's bot token. The config has no <c>pipelineRunId</c>
/// (upstream leaves it to the run too); <see cref="RunConfigText"/> adds one per run.
/// </summary>
internal sealed class RunConfigBuilder(IOpenMetadataServiceLookup lookup) : IRunConfigBuilder
{
    public async Task<BuiltPipeline> BuildAsync(JsonElement ingestionPipeline, CancellationToken cancellationToken)
    {
        var info = PipelineInfoMapper.From(ingestionPipeline);
        var service = PayloadJson.Child(ingestionPipeline, "service")
            ?? throw new RunConfigException("the deploy payload has no service reference");
        var serviceFqn = PayloadJson.String(service, "fullyQualifiedName") ?? PayloadJson.RequiredString(service, "name", "service.name");
        if (!WorkflowSteps.IsSupported(info.PipelineType))
        {
            throw WorkflowSteps.Unsupported(info.PipelineType);
        }

        // Checked before the lookup: without the bot connection there is no token to look the service up with.
        WorkflowConfigParts.WorkflowConfig(ingestionPipeline);
        if (info.PipelineType == PipelineTypes.Application)
        {
            return new BuiltPipeline(info, serviceFqn, ApplicationConfig.Build(ingestionPipeline));
        }

        var facts = await LookupAsync(ingestionPipeline, service, serviceFqn, cancellationToken);
        var config = WorkflowSteps.Build(info.PipelineType, ingestionPipeline, facts.ServiceType.ToLowerInvariant());
        WorkflowConfigParts.AddCommon(config, ingestionPipeline, facts.IngestionRunnerName);
        return new BuiltPipeline(info, serviceFqn, config);
    }

    private async Task<ServiceFacts> LookupAsync(JsonElement pipeline, JsonElement service, string serviceFqn, CancellationToken cancellationToken)
    {
        var referenceType = PayloadJson.RequiredString(service, "type", "service.type");
        if (referenceType == ServiceCollections.TestSuiteType)
        {
            // A test suite pipeline references its TestSuite, not a service, and the managed-APIs plugin does not look a
            // service up for it (OM workflows/ingestion/common.py @01450e13, build_source). The TestSuite entity's
            // serviceType is "TestSuite", which buildDefaultSource lowercases like any other.
            return new ServiceFacts("TestSuite", null);
        }

        var connection = PayloadJson.Child(pipeline, "openMetadataServerConnection")!.Value;
        var hostPort = PayloadJson.RequiredString(connection, "hostPort", "openMetadataServerConnection.hostPort");
        var security = PayloadJson.Child(connection, "securityConfig")!.Value;
        var token = PayloadJson.RequiredString(security, "jwtToken", "openMetadataServerConnection.securityConfig.jwtToken (the ingestion bot's token)");
        return await lookup.LookupAsync(new ServiceLookupRequest(referenceType, serviceFqn, hostPort, token), cancellationToken);
    }
}
