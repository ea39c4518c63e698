namespace Agent.Gateway.Airflow;

/// <summary>The routes about the gateway itself: health, health-auth, csrf-token and ip.</summary>
internal static class ServiceHandlers
{
    /// <summary>
    /// health-auth (and health, which the plugin leaves open). AirflowRESTClient.getServiceStatusInternal @03fa0ab6 reads
    /// <c>getString("version")</c> and compares its major.minor with the server's; detectAirflowApiVersion picks the
    /// first prefix answering 200 with that string.
    /// </summary>
    public static IResult Health(AirflowApiSettings settings) =>
        TypedResults.Json(new HealthBody("healthy", settings.OpenMetadataVersion), AirflowJsonContext.Default.HealthBody);

    /// <summary>
    /// csrf-token. AirflowRESTClient.fetchCsrfTokenViaEndpoint @03fa0ab6 keeps a non-empty <c>csrf_token</c> string;
    /// without one it asks again before every POST and DELETE. The gateway has no sessions to protect (Basic auth on
    /// every call), so the token is accepted and never checked.
    /// </summary>
    public static IResult CsrfToken() =>
        TypedResults.Json(new CsrfBody("gateway-basic-auth", "The gateway does not check this value; Basic auth guards every route"), AirflowJsonContext.Default.CsrfBody);

    /// <summary>
    /// ip. AirflowRESTClient.requestGetHostIp @03fa0ab6 reads a <c>Map&lt;String,String&gt;</c>; OpenMetadata shows
    /// <c>ip</c> so users can allow-list ingestion's egress: that is the default agent's address as the gateway sees it.
    /// </summary>
    public static IResult Ip(AirflowServices services)
    {
        var agentId = services.Router.ForTestConnection(null, null).AgentId;
        if (agentId is null)
        {
            return AirflowResults.Error(StatusCodes.Status500InternalServerError, "no default agent: set defaultAgent in GATEWAY_AGENTS_FILE to answer ip");
        }

        var address = services.Connected.Sessions.FirstOrDefault(s => s.AgentId == agentId && s.RemoteAddress is not null)?.RemoteAddress;
        return address is null
            ? AirflowResults.Error(StatusCodes.Status503ServiceUnavailable, $"agent '{agentId}' is not connected to the gateway")
            : TypedResults.Json(new IpBody(address.ToString()), AirflowJsonContext.Default.IpBody);
    }
}
