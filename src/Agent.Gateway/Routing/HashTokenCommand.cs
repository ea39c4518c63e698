namespace Agent.Gateway.Routing;

/// <summary>
/// <c>dotnet Agent.Gateway.dll hash-token</c>: reads an agent token on stdin and prints the SHA-256 hex the agents file
/// wants as <c>tokenSha256</c>. Only the first line counts and its line break is not part of the token, so
/// <c>echo "$TOKEN" | … hash-token</c> and a pasted token give the same hash as the agent's <c>AUTH_TOKEN</c>.
/// </summary>
internal static class HashTokenCommand
{
    public const string Verb = "hash-token";

    public static bool IsRequested(string[] args) => args is [Verb];

    /// <summary>Exit code 0 with the hash on <paramref name="output"/>; 2 with a message on <paramref name="error"/> when no token came.</summary>
    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        var token = input.ReadLine()?.TrimEnd('\r');
        if (string.IsNullOrEmpty(token))
        {
            error.WriteLine("hash-token: no token on standard input (write the agent's token on one line)");
            return 2;
        }

        output.WriteLine(TokenHash.Sha256Hex(token));
        return 0;
    }
}
