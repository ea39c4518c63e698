namespace Agent.IntegrationTests.Lifecycle;

/// <summary>A temporary folder for the operator's YAML files, removed with the test.</summary>
internal sealed class SpecFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agent-lifecycle-").FullName;

    public string Write(string fileName, string content)
    {
        var path = Path.Combine(_directory, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
