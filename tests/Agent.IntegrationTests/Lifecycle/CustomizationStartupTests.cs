namespace Agent.IntegrationTests.Lifecycle;

/// <summary>A spec file, type config or policy the agent can't use stops the process with one line naming it.</summary>
public sealed class CustomizationStartupTests
{
    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "ARGO_INGESTION_CONTAINER_SPEC_FILE_PATH", "env: [ {name: HTTPS_PROXY", "cannot be read as YAML" },
        { "ARGO_INGESTION_CONTAINER_SPEC_FILE_PATH", "- just\n- a list\n", "must hold a YAML mapping" },
        { "ARGO_INGESTION_CONTAINER_SPEC_FILE_PATH", "env:\n  - name: config\n    value: x\n", "sets env 'config'" },
        { "ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH", "tolerations: [\n", "cannot be read as YAML" },
        { "ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH", "templates:\n  - name: evil\n", "sets 'templates'" },
        { "AGENT_POLICY_FILE", "pipelineTypes: {metadata: yes}\n", "must be a list of strings" },
        { "AGENT_POLICY_FILE", "images: [openmetadata/ingestion:*\n", "cannot be read as YAML" },
    };

    public static TheoryData<string, string> BadTypeConfigs => new()
    {
        { "{\"automation\": {\"priorityClassName\": ", "is not valid JSON" },
        { "[\"automation\"]", "must be a JSON object" },
        { "{\"metadata\": {\"templates\": []}}", "sets 'templates'" },
        { "{\"metadata\": {\"env\": [{\"name\": \"config\", \"value\": \"x\"}]}}", "sets env 'config'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Start_UnusableFile_ExitsTwoWithOneLineNamingVariableAndFile(string variable, string content, string expected)
    {
        using var files = new SpecFiles();
        var path = files.Write("bad.yaml", content);
        var environment = ValidEnvironment();
        environment[variable] = path;

        var outcome = await AgentProcess.RunToExitAsync(environment, TestTimeouts.Token());

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Lines);
        Assert.Contains($"{variable} '{path}'", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadTypeConfigs))]
    public async Task Start_UnusableTypeConfig_ExitsTwoWithOneLineNamingTheVariable(string json, string expected)
    {
        var environment = ValidEnvironment();
        environment["ARGO_PIPELINE_TYPE_CONFIGS"] = json;

        var outcome = await AgentProcess.RunToExitAsync(environment, TestTimeouts.Token());

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Lines);
        Assert.Contains("ARGO_PIPELINE_TYPE_CONFIGS", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> ValidEnvironment() => new()
    {
        ["AGENT_ID"] = "customization-startup",
        ["SERVER_URL"] = "wss://collate.example.com",
        ["AUTH_TOKEN"] = "token",
        ["ARGO_INGESTION_IMAGE"] = "openmetadata/ingestion:1.9.0",
        ["PIPELINE_SERVICE_CLIENT_ENDPOINT"] = "http://127.0.0.1:9",
        ["METRICS_SERVER_PORT"] = "0",
        ["ADMIN_SERVER_PORT"] = "0",
        ["METRICS_SERVER_HOST"] = "127.0.0.1",
    };
}
