using Agent.Sandbox.Argo.Image;

namespace Agent.Tests.Sandbox.Argo.Runtime;

/// <summary>FIDELITY §2, §8: the image's entry points fail where the real scripts fail, and only then obey the marker.</summary>
public class IngestionImageTests
{
    private const string RunId = Workflows.RunId;
    private const string AutomationConfig = """{"id":"5f0b","name":"test-connection-mysql","workflowType":"TEST_CONNECTION","request":{"connection":{}},"openMetadataServerConnection":{}}""";

    [Fact]
    public void Main_ValidConfig_Succeeds() => Assert.Equal(0, RunMain(Workflows.ValidConfig).ExitCode);

    [Fact]
    public void Main_MissingConfig_RaisesRuntimeError()
    {
        var run = IngestionImage.Run(Launch(["python", "main.py"], ("pipelineType", "metadata")), "Succeeded");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.EndLines, line => line.StartsWith("RuntimeError: Missing environment variable `config`", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Metadata")]
    [InlineData("application")]
    public void Main_PipelineTypeOutsideWorkflowMap_RaisesValueError(string pipelineType)
    {
        var run = RunMain(Workflows.ValidConfig, pipelineType: pipelineType);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"ValueError: Missing workflow_class loaded from {pipelineType}", run.EndLines);
    }

    [Theory]
    [InlineData("a: 1", "source")]
    [InlineData(AutomationConfig, "source")]
    [InlineData("source: {}\nworkflowConfig: {}\nextra: 1", "extra")]
    public void Main_NotAnIngestionWorkflowConfig_FailsValidation(string config, string field)
    {
        var run = RunMain(config);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(field, run.EndLines);
    }

    [Theory]
    [InlineData("run-42")]
    [InlineData("")]
    public void Main_NonUuidRunId_FailsValidation(string runId)
    {
        var run = RunMain(Workflows.ValidConfig, runId: runId);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.EndLines, line => line.Contains("Input should be a valid UUID", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("secretsManagerProvider: in-memory", null, "NotImplementedError: [in-memory] is not implemented.")]
    [InlineData("secretsManagerProvider: vault", null, "input_value='vault'")]
    [InlineData("secretsManagerProvider: kubernetes", null, "AttributeError: 'NoneType' object has no attribute 'inCluster'")]
    [InlineData("secretsManagerProvider: kubernetes\n    secretsManagerLoader: env", null, "ConfigException")]
    [InlineData("secretsManagerProvider: kubernetes\n    secretsManagerLoader: env", "true", null)]
    public void Main_SecretsManagerSettings_FailAsTheClientFactoryDoes(string settings, string? inCluster, string? error)
    {
        var config = Workflows.ValidConfig.Replace("authProvider: openmetadata", $"authProvider: openmetadata\n    {settings}", StringComparison.Ordinal);
        var extra = inCluster is null ? [] : new[] { ("KUBERNETES_IN_CLUSTER", inCluster) };

        var run = IngestionImage.Run(Launch(["python", "main.py"], [("config", config), ("pipelineType", "metadata"), ("pipelineRunId", RunId), .. extra]), "Succeeded");

        Assert.Equal(error is null ? 0 : 1, run.ExitCode);
        if (error is not null)
        {
            Assert.Contains(run.EndLines, line => line.Contains(error, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Main_MarkerOnInvalidConfig_StillFailsOnTheConfig()
    {
        var run = RunMain("a: 1\n# sandbox-outcome: Succeeded");

        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Main_MarkerFailedOnValidConfig_ExitsOne() =>
        Assert.Equal(1, RunMain(Workflows.ConfigWith("sandbox-outcome: Failed")).ExitCode);

    [Theory]
    [InlineData(AutomationConfig)]
    [InlineData("""{"name":"DataInsightsApplication","sourcePythonClass":"metadata.applications.x","appConfig":{}}""")]
    public void ExitHandler_AutomationOrAppConfig_FailsWithExitHandlerFailed(string config)
    {
        var run = IngestionImage.Run(Launch(["python", "exit_handler.py"], ("config", config), ("pipelineStatus", "Succeeded")), "Succeeded");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.StartLines, line => line.StartsWith("[exit_handler] Exit handler failed: ", StringComparison.Ordinal));
    }

    [Fact]
    public void ExitHandler_IngestionConfigAndUuid_Succeeds()
    {
        var run = IngestionImage.Run(
            Launch(["python", "exit_handler.py"], ("config", Workflows.ValidConfig), ("pipelineRunId", RunId), ("pipelineStatus", "Failed")), "Succeeded");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void ExitHandler_NonUuidRunId_Fails() => Assert.Equal(1, IngestionImage.Run(
        Launch(["python", "exit_handler.py"], ("config", Workflows.ValidConfig), ("pipelineRunId", "run-42")), "Succeeded").ExitCode);

    [Fact]
    public void RunAutomation_AutomationWorkflow_SucceedsAndIngestionConfigFails()
    {
        Assert.Equal(0, IngestionImage.Run(Launch(["python", "run_automation.py"], ("config", AutomationConfig)), "Succeeded").ExitCode);
        Assert.Equal(1, IngestionImage.Run(Launch(["python", "run_automation.py"], ("config", Workflows.ValidConfig)), "Succeeded").ExitCode);
        Assert.Equal(1, IngestionImage.Run(Launch(["python", "run_automation.py"]), "Succeeded").ExitCode);
    }

    [Fact]
    public void ApplicationsRunner_Mapping_SucceedsAndScalarFails()
    {
        Assert.Equal(0, IngestionImage.Run(Launch(["python", "-m", "metadata.applications.runner"], ("config", """{"name":"app"}""")), "Succeeded").ExitCode);
        Assert.Equal(1, IngestionImage.Run(Launch(["python", "-m", "metadata.applications.runner"], ("config", "just text")), "Succeeded").ExitCode);
    }

    [Fact]
    public void OtherCommand_RunsPerMarkerOnly() =>
        Assert.Equal(1, IngestionImage.Run(Launch(["sh", "-c", "true"], ("config", "sandbox-outcome: Failed")), "Succeeded").ExitCode);

    private static ProgramRun RunMain(string config, string pipelineType = "metadata", string runId = RunId) =>
        IngestionImage.Run(Launch(["python", "main.py"], ("config", config), ("pipelineType", pipelineType), ("pipelineRunId", runId)), "Succeeded");

    private static ContainerLaunch Launch(string[] command, params (string Name, string Value)[] env) =>
        new(command, [.. env.Select(pair => new KeyValuePair<string, string>(pair.Name, pair.Value))]);
}
