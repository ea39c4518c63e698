using System.Security.Cryptography;
using System.Text;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// The run id of a run request that carries none, derived from the agent id and the request id (issue 12, finding 1).
/// The same request sent again, after a reconnect or to a restarted agent that remembers nothing, names the same run and
/// so the same workflow (the name derives from the run id): Argo refuses the second create with 409 and the request is
/// answered as the same run. A fresh random id would start a second workflow instead.
/// </summary>
internal static class RequestRunIds
{
    /// <summary>
    /// The namespace of these name-based UUIDs (a fixed random v4); it keeps them apart from any other name-based
    /// UUID made from the same text. Changing it changes every derived run id: never change it.
    /// </summary>
    public static readonly Guid Namespace = Guid.Parse("ef0d2d29-2df2-4a3c-97ea-2ceac1545e76");

    /// <summary>
    /// The name-based UUID of the agent id, a NUL byte and the request id (UTF-8). Agent ids hold no control
    /// character (<c>ControlPlaneOptionsRules</c>), so the NUL keeps the two parts apart.
    /// </summary>
    public static string ForRequest(string agentId, string requestId) =>
        NameBased(Namespace, Encoding.UTF8.GetBytes($"{agentId}\0{requestId}"));

    /// <summary>
    /// A name-based UUIDv8 as RFC 9562 Appendix B.2 makes one: the first 128 bits of SHA-256 over the namespace (in
    /// network byte order) and the name, with the version (8) and variant (10) bits set. Written in canonical lower
    /// case, which is the only form the ingestion image accepts as <c>pipelineRunId</c> (FIDELITY §8.2;
    /// <see cref="RunRequestValidation.RunIdProblem"/>). SHA-256, as in the RFC's own example, rather than the SHA-1 of v5.
    /// </summary>
    public static string NameBased(Guid @namespace, ReadOnlySpan<byte> name)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> bytes = stackalloc byte[SHA256.HashSizeInBytes];
        @namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        hash.AppendData(bytes[..16]);
        hash.AppendData(name);
        hash.GetHashAndReset(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes[..16], bigEndian: true).ToString("D");
    }
}
