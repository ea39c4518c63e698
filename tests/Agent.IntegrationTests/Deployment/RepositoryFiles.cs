namespace Agent.IntegrationTests.Deployment;

/// <summary>Files of the checked-out repository, found from the test binaries by walking up to HybridAgent.sln.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HybridAgent.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no HybridAgent.sln above {AppContext.BaseDirectory}");
    }
}
