namespace Agent.Tests.Architecture;

/// <summary>
/// Agent.Web is an application, not a library: nothing outside it links against it, and the tests see its types
/// through InternalsVisibleTo. A type made public again (Program included, which .NET 10 would otherwise generate as
/// public) fails here.
/// </summary>
public sealed class WebVisibilityTests
{
    [Fact]
    public void AgentWeb_ExportedTypes_None() =>
        Assert.Empty(typeof(Agent.Web.Hosting.ListenerPorts).Assembly.GetExportedTypes().Select(type => type.FullName));
}
