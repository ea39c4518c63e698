using System.Reflection;

namespace Agent.Gateway.Tests.Architecture;

/// <summary>The gateway reuses the agent's protocol code, and nothing else of the agent.</summary>
public sealed class GatewayReferenceTests
{
    [Fact]
    public void Gateway_UsesOnlyTheProtocolPartOfAgentCore()
    {
        var gateway = typeof(Agent.Gateway.Agents.IAgentLink).Assembly;
        var core = typeof(Agent.Core.Protocol.Envelope).Assembly;
        var used = gateway.GetTypes()
            .SelectMany(ReferencedTypes)
            .Where(type => type.Assembly == core)
            .Select(type => type.Namespace ?? string.Empty)
            .Distinct()
            .ToList();

        Assert.Contains("Agent.Core.Protocol.Messages", used);
        Assert.All(used, ns => Assert.StartsWith("Agent.Core.Protocol", ns, StringComparison.Ordinal));
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var members = type.GetFields(All).Select(f => f.FieldType)
            .Concat(type.GetProperties(All).Select(p => p.PropertyType))
            .Concat(type.GetMethods(All).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(All).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
        return members.SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        var element = type.HasElementType ? type.GetElementType()! : type;
        yield return element;
        if (element.IsGenericType)
        {
            foreach (var argument in element.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }
}
