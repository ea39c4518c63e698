using System.Collections;
using Agent.Web.Configuration;
using Microsoft.Extensions.Configuration;

namespace Agent.Tests.Configuration;

public class EnvironmentVariablesSourceTests
{
    public static TheoryData<string, string> EveryAlias()
    {
        var data = new TheoryData<string, string>();
        foreach (var variable in EnvironmentVariableMap.All)
        {
            foreach (var name in variable.Names)
            {
                data.Add(name, variable.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryAlias))]
    public void Load_AnyAcceptedName_SetsItsKey(string name, string key)
    {
        var configuration = Build(new Hashtable { [name] = "value-of-" + name });

        Assert.Equal("value-of-" + name, configuration[key]);
    }

    [Fact]
    public void Load_TwoSpellingsSet_FirstListedWins()
    {
        var configuration = Build(new Hashtable
        {
            ["ARGO_NAMESPACE"] = "from-chart",
            ["INGESTION_NAMESPACE"] = "from-seed",
            ["INGESTION_IMAGE"] = "chart/image:1",
            ["ARGO_INGESTION_IMAGE"] = "seed/image:1",
        });

        Assert.Equal("from-seed", configuration["Argo:Namespace"]);
        Assert.Equal("seed/image:1", configuration["Ingestion:Image"]);
    }

    [Fact]
    public void Load_AliasUsed_RecordsItsSpelling()
    {
        var configuration = Build(new Hashtable { ["INGESTION_EXTRA_ENVS"] = "[A:1]", ["ARGO_NAMESPACE"] = "ns" });

        Assert.Equal("[A:1]", configuration["Ingestion:ExtraEnvs"]);
        Assert.Equal("INGESTION_EXTRA_ENVS", configuration["Ingestion:ExtraEnvsVariable"]);
        Assert.Equal("ARGO_NAMESPACE", configuration["Argo:NamespaceVariable"]);
    }

    [Fact]
    public void Load_SingleSpellingVariable_HasNoCompanionKey()
    {
        var configuration = Build(new Hashtable { ["AGENT_ID"] = "agent-1" });

        Assert.Equal("agent-1", configuration["ControlPlane:AgentId"]);
        Assert.Null(configuration["ControlPlane:AgentIdVariable"]);
    }

    [Fact]
    public void Load_EmptyFirstSpelling_FallsThroughToNext()
    {
        var configuration = Build(new Hashtable { ["ARGO_INGESTION_IMAGE"] = string.Empty, ["INGESTION_IMAGE"] = "img:2" });

        Assert.Equal("img:2", configuration["Ingestion:Image"]);
        Assert.Equal("INGESTION_IMAGE", configuration["Ingestion:ImageVariable"]);
    }

    [Fact]
    public void Load_UnrelatedVariables_AreIgnored()
    {
        var configuration = Build(new Hashtable { ["PATH"] = "/usr/bin", ["ControlPlane__AgentId"] = "sneaky" });

        Assert.Empty(configuration.AsEnumerable());
    }

    private static IConfigurationRoot Build(Hashtable environment) =>
        new ConfigurationBuilder().Add(new EnvironmentVariablesSource(environment)).Build();
}
