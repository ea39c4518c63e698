using System.Text.Json;

namespace Agent.Core.Protocol.Messages;

/// <summary>
/// The one answer to a request (protocol §5). <see cref="Code"/> is HTTP-like: 200 done, 400 invalid request,
/// 404 unknown pipeline or run, 408 past deadline, 409 conflict, 429 busy, 500 unexpected, 502 Argo error,
/// 503 Argo unreachable.
/// </summary>
internal sealed record ResultPayload(
    bool Ok,
    int Code,
    string Platform,
    string Version,
    string? Reason = null,
    string? RunId = null,
    JsonElement? Data = null);
