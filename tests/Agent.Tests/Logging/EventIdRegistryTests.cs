using System.Reflection;
using Agent.Core;
using Agent.Sandbox;
using Agent.Web.Admin;
using Microsoft.Extensions.Logging;

namespace Agent.Tests.Logging;

/// <summary>
/// The agent and the sandbox each list their EventIds in one registry (AgentEventIds, SandboxEventIds). Operators and
/// tests find a log line by its id, so an id must name one message: the registry holds no number twice, every
/// <c>[LoggerMessage]</c> of the process takes its id from it, and no two messages share one.
/// </summary>
public sealed class EventIdRegistryTests
{
    private const string AgentProcess = "agent";
    private const string SandboxProcess = "sandbox";

    public static TheoryData<string> Processes => [AgentProcess, SandboxProcess];

    [Theory]
    [MemberData(nameof(Processes))]
    public void Registry_EveryConstant_HasANumberOfItsOwn(string process)
    {
        var duplicated = Listed(process)
            .GroupBy(id => id.Value)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(id => id.Name))}");

        Assert.Empty(duplicated);
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void LoggerMessages_OfTheProcess_UseOnlyIdsOfTheRegistry(string process)
    {
        var listed = Listed(process).Select(id => id.Value).ToHashSet();
        var messages = LoggerMessages(process);

        Assert.NotEmpty(messages);
        Assert.Empty(messages.Where(message => !listed.Contains(message.EventId)).Select(message => message.ToString()));
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void LoggerMessages_OfTheProcess_NeverShareAnId(string process)
    {
        var shared = LoggerMessages(process)
            .GroupBy(message => message.EventId)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(message => message.Method))}");

        Assert.Empty(shared);
    }

    private static (Type Registry, Assembly[] Assemblies) Of(string process) => process switch
    {
        AgentProcess => (typeof(AgentEventIds), [typeof(AgentEventIds).Assembly, typeof(AdminKey).Assembly]),
        SandboxProcess => (typeof(SandboxEventIds), [typeof(SandboxEventIds).Assembly]),
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, null),
    };

    private static List<(string Name, int Value)> Listed(string process) =>
        [.. Of(process).Registry.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(int))
            .Select(field => (field.Name, (int)field.GetRawConstantValue()!))];

    private static List<LoggerMessageUse> LoggerMessages(string process) =>
        [.. Of(process).Assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(found => found.Attribute is not null)
            .Select(found => new LoggerMessageUse($"{found.Method.DeclaringType!.FullName}.{found.Method.Name}", found.Attribute!.EventId))];

    private sealed record LoggerMessageUse(string Method, int EventId);
}
