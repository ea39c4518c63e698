using System.Reflection;
using Agent.Core.Executors.Argo;
using Agent.Core.Ingestion;
using Agent.Core.Link;
using Agent.Web.Configuration;
using Agent.Web.Hosting;

namespace Agent.Tests.Configuration;

/// <summary>docs/configuration.md names every variable and every option, so an option cannot be added undocumented.</summary>
public sealed class ConfigurationReferenceTests
{
    private static readonly Lazy<string> Document = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "configuration.md")));

    public static TheoryData<string> Variables => [.. EnvironmentVariableMap.All.SelectMany(variable => variable.Names)];

    public static TheoryData<string> OptionKeys =>
    [
        .. Keys(ControlPlaneOptions.SectionName, typeof(ControlPlaneOptions)),
        .. Keys(ArgoOptions.SectionName, typeof(ArgoOptions)),
        .. Keys(IngestionOptions.SectionName, typeof(IngestionOptions)),
        .. Keys(ServerOptions.SectionName, typeof(ServerOptions)),
    ];

    [Theory]
    [MemberData(nameof(Variables))]
    public void Reference_EveryEnvironmentVariable_IsNamed(string variable) =>
        Assert.Contains($"`{variable}`", Document.Value, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(OptionKeys))]
    public void Reference_EveryOption_IsNamedByItsKey(string key) =>
        Assert.Contains($"`{key}`", Document.Value, StringComparison.Ordinal);

    /// <summary>Configuration keys of every settable property, nested option objects included.</summary>
    private static IEnumerable<string> Keys(string prefix, Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite)
            .SelectMany(property => property.PropertyType.IsClass && property.PropertyType != typeof(string)
                ? Keys($"{prefix}:{property.Name}", property.PropertyType)
                : [$"{prefix}:{property.Name}"]);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HybridAgent.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("HybridAgent.sln not found above the test output");
    }
}
