using Agent.Gateway.Routing;

namespace Agent.Gateway.Tests.Routing;

/// <summary>The first rule whose pattern matches wins, then the default agent; the decision names what chose.</summary>
public sealed class AgentRouterTests
{
    private readonly AgentRouter _router = new(AgentsFiles.Load(AgentsFiles.Standard()));

    [Fact]
    public void ForService_ExactRule_ThatRulesAgent()
    {
        var decision = _router.ForService("mysql_prod");

        Assert.Equal(new RouteDecision("agent-eu", "routes[0] (service \"mysql_prod\")"), decision);
    }

    [Fact]
    public void ForService_GlobRule_ThatRulesAgent()
    {
        Assert.Equal(new RouteDecision("agent-us", "routes[1] (service \"snowflake_*\")"), _router.ForService("snowflake_apac"));
    }

    [Fact]
    public void ForService_TwoRulesMatch_TheFirstInFileOrderWins()
    {
        // routes[2] "snowflake_eu?" also matches, but routes[1] comes first.
        Assert.Equal("agent-us", _router.ForService("snowflake_eu1").AgentId);
    }

    [Fact]
    public void ForService_NoRuleMatches_DefaultAgent()
    {
        Assert.Equal(new RouteDecision("agent-eu", "defaultAgent"), _router.ForService("postgres_dev"));
    }

    [Fact]
    public void ForService_NoRuleAndNoDefault_NoAgentAndSaysWhy()
    {
        var router = new AgentRouter(AgentsFiles.Load(AgentsFiles.Standard(defaultAgent: null)));

        var decision = router.ForService("postgres_dev");

        Assert.Null(decision.AgentId);
        Assert.Contains("postgres_dev", decision.Rule, StringComparison.Ordinal);
        Assert.Contains(AgentsFiles.Path, decision.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void ForTestConnection_RunnerNamesAKnownAgent_ThatAgent()
    {
        Assert.Equal(new RouteDecision("agent-us", "request.ingestionRunner"), _router.ForTestConnection("agent-us", "mysql_prod"));
    }

    [Fact]
    public void ForTestConnection_UnknownRunner_FallsBackToTheServiceRules()
    {
        Assert.Equal("agent-eu", _router.ForTestConnection("CollateSaaS", "mysql_prod").AgentId);
        Assert.Equal("agent-us", _router.ForTestConnection(null, "snowflake_x").AgentId);
    }

    [Fact]
    public void ForTestConnection_NoServiceName_DefaultOrNone()
    {
        Assert.Equal(new RouteDecision("agent-eu", "defaultAgent"), _router.ForTestConnection(null, null));
        Assert.Null(new AgentRouter(AgentsFiles.Load(AgentsFiles.Standard(defaultAgent: null))).ForTestConnection(null, "").AgentId);
    }
}
