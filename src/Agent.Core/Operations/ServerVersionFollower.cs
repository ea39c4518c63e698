using Agent.Core.Ingestion;
using Agent.Core.Link;

namespace Agent.Core.Operations;

/// <summary>Hands the server version a <c>welcome</c> announces to the ingestion image; the link knows neither side.</summary>
internal sealed class ServerVersionFollower(IngestionImage image) : IServerVersionListener
{
    public void ServerVersionAnnounced(string serverVersion) => image.FollowServer(serverVersion);
}
