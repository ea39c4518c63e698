namespace Agent.Core.Link;

/// <summary>
/// Hears the OpenMetadata server version a <c>welcome</c> announces (protocol §3, <c>serverVersion</c>), once per
/// session that carries a valid one. Called on the link while runs may be starting, so it must be thread-safe.
/// </summary>
internal interface IServerVersionListener
{
    void ServerVersionAnnounced(string serverVersion);
}
