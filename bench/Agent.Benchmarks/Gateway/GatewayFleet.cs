using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Agent.Benchmarks.Gateway;

/// <summary>
/// The agents of a gateway benchmark: their ids and tokens, the agents file naming them (tokens as sha256 hex, one
/// routing rule per benchmark service) and the protocol clients that stand in for them.
/// </summary>
internal static class GatewayFleet
{
    public static string AgentId(int index) => $"bench-agent-{index.ToString("D4", CultureInfo.InvariantCulture)}";

    public static string ServiceName(int index) => $"bench_svc_{index.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>The dag_id of the one pipeline deployed for service <paramref name="index"/> (already clean).</summary>
    public static string DagId(int index) => $"{ServiceName(index)}_metadata";

    /// <summary>
    /// The agents file: <paramref name="agents"/> agents, and the first <paramref name="routed"/> services each routed to
    /// their own agent. Rules are matched first to last, so the last service walks the whole list: as an operator's file would.
    /// </summary>
    public static string AgentsFile(int agents, int routed)
    {
        var text = new StringBuilder("agents:\n");
        for (var i = 0; i < agents; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - id: {AgentId(i)}\n    tokenSha256: {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token(i))))}\n");
        }

        text.Append("routes:\n");
        for (var i = 0; i < routed; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - service: {ServiceName(i)}\n    agent: {AgentId(i)}\n");
        }

        return text.ToString();
    }

    /// <summary>Connects agents <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> − 1, a few at a time, each to welcome.</summary>
    public static async Task<List<ProtocolAgent>> ConnectAsync(GatewayProcess gateway, int from, int count, CancellationToken cancellationToken)
    {
        var agents = new ProtocolAgent[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, token) =>
            agents[i] = await ProtocolAgent.ConnectAsync(gateway.ConnectUri, AgentId(from + i), Token(from + i), token));
        return [.. agents];
    }

    public static async Task DisconnectAsync(IEnumerable<ProtocolAgent> agents)
    {
        foreach (var agent in agents)
        {
            await agent.DisposeAsync();
        }
    }

    private static string Token(int index) => $"bench-agent-token-{index.ToString(CultureInfo.InvariantCulture)}-0123456789";
}
