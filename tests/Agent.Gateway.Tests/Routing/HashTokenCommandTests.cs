using Agent.Gateway.Routing;

namespace Agent.Gateway.Tests.Routing;

/// <summary><c>hash-token</c> prints the hash the agents file wants for the token on stdin.</summary>
public sealed class HashTokenCommandTests
{
    [Theory]
    [InlineData("foo\n")]
    [InlineData("foo\r\n")]
    [InlineData("foo")]
    public void Run_TokenOnStdin_PrintsItsSha256AndExits0(string input)
    {
        var output = new StringWriter();

        var exit = HashTokenCommand.Run(new StringReader(input), output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Equal("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void Run_EmptyInput_Exit2WithAMessage()
    {
        var error = new StringWriter();

        var exit = HashTokenCommand.Run(new StringReader(""), new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("no token", error.ToString(), StringComparison.Ordinal);
    }
}
