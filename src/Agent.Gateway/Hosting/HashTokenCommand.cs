using System.Security.Cryptography;
using System.Text;

namespace Agent.Gateway.Hosting;

/// <summary>
/// <c>dotnet Agent.Gateway.dll hash-token</c>: reads an agent's token on stdin and prints the SHA-256 hex the agents
/// file stores as <c>tokenSha256</c>, so the token itself never has to be written anywhere the gateway reads.
/// </summary>
internal static class HashTokenCommand
{
    public const string Name = "hash-token";

    public static bool IsRequested(string[] args) => args is [Name];

    public static async Task<int> RunAsync(TextReader input, TextWriter output, TextWriter error)
    {
        // The first line only, without its line ending: `echo token | … hash-token` must hash "token".
        var token = (await input.ReadLineAsync())?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            await error.WriteLineAsync("hash-token: no token on standard input");
            return 2;
        }

        await output.WriteLineAsync(Hash(token));
        return 0;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
