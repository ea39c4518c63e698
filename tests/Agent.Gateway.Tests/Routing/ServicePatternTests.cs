using Agent.Gateway.Routing;

namespace Agent.Gateway.Tests.Routing;

/// <summary>Service FQN patterns: exact text, <c>*</c> any run (dots too), <c>?</c> exactly one character, case-sensitive.</summary>
public sealed class ServicePatternTests
{
    [Theory]
    [InlineData("mysql_prod", "mysql_prod", true)]
    [InlineData("mysql_prod", "mysql_prod2", false)]
    [InlineData("mysql_prod", "MYSQL_PROD", false)]
    [InlineData("snowflake_*", "snowflake_", true)]
    [InlineData("snowflake_*", "snowflake_eu.west", true)]
    [InlineData("snowflake_*", "my_snowflake_eu", false)]
    [InlineData("*_prod", "pg_prod", true)]
    [InlineData("*_prod", "pg_prod_b", false)]
    [InlineData("db?", "db1", true)]
    [InlineData("db?", "db", false)]
    [InlineData("db?", "db12", false)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("*", "", true)]
    [InlineData("**x", "yyx", true)]
    public void Matches_Pattern_AsAGlob(string pattern, string fqn, bool expected) =>
        Assert.Equal(expected, new ServicePattern(pattern).Matches(fqn));

    [Fact]
    public void Matches_ManyStarsOnAMiss_StaysLinearInsteadOfBacktrackingForever()
    {
        var pattern = new ServicePattern(string.Concat(Enumerable.Repeat("a*", 30)) + "b");
        var fqn = new string('a', 5_000);

        Assert.False(pattern.Matches(fqn));
    }
}
