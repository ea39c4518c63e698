using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Kubelet;

namespace Agent.Tests.Sandbox.Argo.Runtime;

/// <summary>FIDELITY §5.1/§5.2: the kubelet's expansion, against Kubernetes' expand.go cases.</summary>
public class EnvVarExpansionTests
{
    private static readonly Dictionary<string, string> Defined = new() { ["HOME"] = "/root", ["EMPTY"] = "" };

    [Theory]
    [InlineData("pa$$word", "pa$word")]
    [InlineData("$$(HOME)", "$(HOME)")]
    [InlineData("$(HOME)/x", "/root/x")]
    [InlineData("$(UNDEFINED)", "$(UNDEFINED)")]
    [InlineData("$(EMPTY)x", "x")]
    [InlineData("$(HOME", "$(HOME")]
    [InlineData("cost $5", "cost $5")]
    [InlineData("end$", "end$")]
    [InlineData("$$$$", "$$")]
    [InlineData("no dollars", "no dollars")]
    public void Expand_KubernetesRules_GivesKubeletResult(string input, string expected) =>
        Assert.Equal(expected, EnvVarExpansion.Expand(input, Defined));

    [Fact]
    public void Build_ReferencesResolveAgainstEarlierEntriesOnlyAndValueFromIsLiteral()
    {
        var container = new JsonObject
        {
            ["env"] = new JsonArray(
                new JsonObject { ["name"] = "FIRST", ["value"] = "one$(LATER)" },
                new JsonObject { ["name"] = "LATER", ["value"] = "two" },
                new JsonObject { ["name"] = "THIRD", ["value"] = "$(FIRST)-$(LATER)-$$(LATER)" },
                new JsonObject { ["name"] = "UID", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.uid" } } },
                new JsonObject { ["name"] = "FOURTH", ["value"] = "$(UID)" }),
        };

        var env = ContainerEnvironment.Build(container, new Dictionary<string, string> { ["metadata.uid"] = "u-$(LATER)" });

        Assert.Equal(
            [new("FIRST", "one$(LATER)"), new("LATER", "two"), new("THIRD", "one$(LATER)-two-$(LATER)"), new("UID", "u-$(LATER)"), new KeyValuePair<string, string>("FOURTH", "u-$(LATER)")],
            env);
    }
}
