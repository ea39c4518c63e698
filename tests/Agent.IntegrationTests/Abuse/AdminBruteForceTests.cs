using System.Net;
using System.Net.Http.Headers;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Abuse;

/// <summary>
/// 300 wrong admin keys (random, the real key with one character changed, its prefixes, longer keys) are each refused
/// 403 without echoing the key, and the real key still gets 200 afterwards. That the comparison is of SHA-256 digests
/// in constant time is read from <c>AdminKey.Matches</c>, not timed.
/// </summary>
public sealed class AdminBruteForceTests
{
    private const string Key = "Adm1n-key_7f3c9e21b0d84a56";
    private const int WrongKeys = 300;

    [Fact]
    public async Task AdminRoute_ThreeHundredWrongKeys_Each403AndTheRightKey200()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, LinkSignals.NewAgentId("admin-brute"), new Dictionary<string, string?>
        {
            ["Server:AdminApiKey"] = Key,
            ["Server:AdminHost"] = "127.0.0.1",
        });
        agent.StartServer();
        using var admin = agent.CreateAdminClient();
        var candidates = WrongCandidates();

        var refused = new List<(string Key, HttpStatusCode Status, string Body)>();
        foreach (var batch in candidates.Chunk(25))
        {
            refused.AddRange(await Task.WhenAll(batch.Select(async key =>
            {
                using var response = await admin.SendAsync(Authorized(key));
                return (key, response.StatusCode, await response.Content.ReadAsStringAsync());
            })));
        }

        using var right = await admin.SendAsync(Authorized(Key));

        Assert.Equal(WrongKeys, candidates.Count);
        Assert.Equal(WrongKeys, candidates.Distinct(StringComparer.Ordinal).Count());
        Assert.All(refused, r => Assert.True(r.Status == HttpStatusCode.Forbidden, $"'{r.Key}': {r.Status}"));
        Assert.All(refused, r => Assert.DoesNotContain(Key, r.Body, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    /// <summary>Every kind of near miss, none equal to the key after the trimming the filter does.</summary>
    private static List<string> WrongCandidates()
    {
        var random = new Random(300);
        var keys = new List<string>();
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        for (var i = 0; i < Key.Length; i++)
        {
            var other = Alphabet.First(c => c != Key[i] && char.ToLowerInvariant(c) != char.ToLowerInvariant(Key[i]));
            keys.Add(Key[..i] + other + Key[(i + 1)..]);
            if (char.IsLetter(Key[i]))
            {
                // Same letter, other case: a case-insensitive compare would let it in.
                keys.Add(Key[..i] + (char.IsUpper(Key[i]) ? char.ToLowerInvariant(Key[i]) : char.ToUpperInvariant(Key[i])) + Key[(i + 1)..]);
            }
        }

        keys.AddRange(Enumerable.Range(1, Key.Length - 1).Select(length => Key[..length]));
        keys.AddRange(Enumerable.Range(1, 40).Select(extra => Key + new string(Alphabet[extra % Alphabet.Length], extra)));
        keys.Add(Key + Key);
        keys.Add(Key + "!");
        while (keys.Count < WrongKeys)
        {
            var length = random.Next(1, 3 * Key.Length);
            var key = new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private static HttpRequestMessage Authorized(string key) =>
        new(HttpMethod.Get, "/admin/connection") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) } };
}
