using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Query;

namespace Agent.Tests.Sandbox.Argo;

public class FieldsProjectorTests
{
    private static JsonObject List() => JsonNode.Parse("""
        {"metadata":{"resourceVersion":"9"},
         "items":[{"metadata":{"name":"a","uid":"1"},"status":{"phase":"Running","nodes":{"a":{}}}},
                  {"metadata":{"name":"b","uid":"2"},"status":{"phase":"Pending"}}]}
        """)!.AsObject();

    [Fact]
    public void Apply_IncludePaths_KeepsOnlyThosePathsThroughArrays()
    {
        var projected = FieldsProjector.Parse("items.metadata.name,items.status.phase")!.Apply(List());

        Assert.Equal(
            """{"items":[{"metadata":{"name":"a"},"status":{"phase":"Running"}},{"metadata":{"name":"b"},"status":{"phase":"Pending"}}]}""",
            projected!.ToJsonString());
    }

    [Fact]
    public void Apply_IncludeParentPath_KeepsWholeSubtree()
    {
        var projected = FieldsProjector.Parse("metadata,items.status.phase")!.Apply(List());

        Assert.Equal("9", projected!["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Null(projected["items"]![0]!["metadata"]);
    }

    [Fact]
    public void Apply_ExcludePaths_RemovesOnlyThosePaths()
    {
        var projected = FieldsProjector.Parse("-items.status.nodes,metadata")!.Apply(List());

        Assert.Null(projected!["metadata"]);
        Assert.Null(projected["items"]![0]!["status"]!["nodes"]);
        Assert.Equal("Running", projected["items"]![0]!["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("1", projected["items"]![0]!["metadata"]!["uid"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_SharedSource_LeavesSourceUntouched()
    {
        var source = List();

        FieldsProjector.Parse("items.metadata.name")!.Apply(source);

        Assert.Equal(List().ToJsonString(), source.ToJsonString());
    }

    [Fact]
    public void Parse_WatchPrefix_AppliesPathsToTheObject()
    {
        var workflow = List()["items"]![0]!;

        var projected = FieldsProjector.Parse("result.object.metadata.name,result.type", "result.object.")!.Apply(workflow);

        Assert.Equal("""{"metadata":{"name":"a"}}""", projected!.ToJsonString());
    }

    [Fact]
    public void Parse_EmptyFields_ReturnsNull()
    {
        Assert.Null(FieldsProjector.Parse(""));
        Assert.Null(FieldsProjector.Parse(null));
    }
}
