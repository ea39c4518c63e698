using Agent.Gateway.Routing;

namespace Agent.Gateway.Tests.Routing;

/// <summary>Tokens are checked against the file's SHA-256 hashes; the file never holds a token in clear.</summary>
public sealed class AgentCredentialsTests
{
    private readonly AgentCredentials _credentials = new(AgentsFiles.Load(AgentsFiles.Standard()));

    [Fact]
    public void Verify_RightToken_True() => Assert.True(_credentials.Verify("agent-eu", "eu-token"));

    [Fact]
    public void Verify_AnotherAgentsToken_False() => Assert.False(_credentials.Verify("agent-eu", "us-token"));

    [Fact]
    public void Verify_WrongToken_False() => Assert.False(_credentials.Verify("agent-eu", "eu-token "));

    [Fact]
    public void Verify_UnknownAgent_False() => Assert.False(_credentials.Verify("agent-mars", "eu-token"));

    [Fact]
    public void KnownAgents_TheFilesIds() => Assert.Equal(["agent-eu", "agent-us"], _credentials.KnownAgents.Order());

    [Fact]
    public void Sha256Hex_KnownVector_64LowercaseHexDigits()
    {
        // sha256("foo"), the value the brief's example file carries.
        Assert.Equal("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", TokenHash.Sha256Hex("foo"));
    }

    [Fact]
    public void Verify_HashWrittenInUppercase_StillAccepted()
    {
        var file = $"""
            agents:
              - id: a
                tokenSha256: {TokenHash.Sha256Hex("t").ToUpperInvariant()}
            """;

        Assert.True(new AgentCredentials(AgentsFiles.Load(file)).Verify("a", "t"));
    }
}
