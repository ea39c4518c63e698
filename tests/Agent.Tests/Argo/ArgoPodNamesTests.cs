using Agent.Core.Executors.Argo;

namespace Agent.Tests.Argo;

/// <summary>Pod names as Argo v4.1.2 <c>workflow/util/pod_name.go</c> makes them, checked against upstream's own examples.</summary>
public sealed class ArgoPodNamesTests
{
    private static readonly Dictionary<string, string> None = [];

    [Theory]
    [InlineData("", 2166136261u)]
    [InlineData("nodename", 1454367246u)]
    [InlineData("retry-script-6xt68.onExit", 3924170365u)]
    public void Fnv1a32_Text_MatchesGoHashFnvNew32a(string text, uint expected) => Assert.Equal(expected, ArgoPodNames.Fnv1a32(text));

    [Fact]
    public void For_NodeNamedAfterTheWorkflow_IsTheWorkflowName()
    {
        var workflow = Workflow("retry-script-6xt68", None);

        Assert.Equal("retry-script-6xt68", ArgoPodNames.For(workflow, Node("retry-script-6xt68", "retry-script-6xt68", "retry-script")));
    }

    /// <summary>Upstream util_test.go: node <c>retry-script-6xt68.onExit</c> of template <c>handler</c> logs to <c>retry-script-6xt68-handler-3924170365</c>.</summary>
    [Fact]
    public void For_ExitHandlerNode_IsWorkflowTemplateAndHashOfNodeName()
    {
        var workflow = Workflow("retry-script-6xt68", None);

        Assert.Equal(
            "retry-script-6xt68-handler-3924170365",
            ArgoPodNames.For(workflow, Node("retry-script-6xt68-3924170365", "retry-script-6xt68.onExit", "handler")));
    }

    [Fact]
    public void For_RetryAttempt_HashesTheAttemptsNodeName()
    {
        var workflow = Workflow("om-run-abc", None);

        Assert.Equal("om-run-abc-ingestion-2888225842", ArgoPodNames.For(workflow, Node("om-run-abc-1", "om-run-abc(1)", "ingestion")));
    }

    /// <summary>Upstream pod_name_v2_test.go: a prefix longer than 242 characters is cut to 242.</summary>
    [Fact]
    public void For_LongWorkflowAndTemplateNames_CutsThePrefixTo242Characters()
    {
        var workflowName = new string('w', 200);
        var templateName = new string('t', 100);

        var name = ArgoPodNames.For(Workflow(workflowName, None), Node("1", "nodename", templateName));

        Assert.Equal($"{$"{workflowName}-{templateName}"[..242]}-1454367246", name);
    }

    [Fact]
    public void For_WorkflowWithV1PodNames_IsTheNodeId()
    {
        var workflow = Workflow("wf", new Dictionary<string, string> { [ArgoPodNames.FormatAnnotation] = "v1" });

        Assert.Equal("wf-1454367246", ArgoPodNames.For(workflow, Node("wf-1454367246", "nodename", "ingestion")));
    }

    private static ArgoWorkflow Workflow(string name, Dictionary<string, string> annotations) =>
        new(name, "ns", None, annotations, "Running", null, null, null, null, null, null);

    private static WorkflowNode Node(string id, string name, string templateName) => new(id, name, "Pod", templateName, "Running", null);
}
