// Upstream line citations: OpenMetadata files read from stored copies (read_file), pages joined and written to a scratch
// file; lines counted with `grep -n` on LF line endings (the stored text had no CR; its length matched total_chars).
// AirflowRESTClient.java is read at 03fa0ab6845ddb96e243e8e966079e77fe74c68a. The other files were not stored at that
// commit: each cites the commit of the stored version read, which may differ from 1.13.3; those line numbers may drift.
using System.Text.Json;
using System.Text.RegularExpressions;
using Agent.Gateway.Airflow;

namespace Agent.Gateway.Tests.Contract;

/// <summary>health-auth, health, csrf-token and ip as OpenMetadata 1.13.3's AirflowRESTClient reads them.</summary>
public sealed partial class ServiceContractTests
{
    [Fact]
    public async Task DetectAirflowApiVersion_PicksTheFirstPrefixProbed()
    {
        await using var session = await ContractSession.StartAsync(OpenMetadataRelease.Prefixes[0]);

        var prefix = await OmClient.DetectAsync(session.Host.Http, Host.AirflowGatewayHost.Username, Host.AirflowGatewayHost.Password);

        // AirflowRESTClient.java @03fa0ab6 L150-L263 detectAirflowApiVersion (L153, L190, L226; L170-L177, L207-L212, L243-L248): the first of pluginsv2/api/v2, api/v2, api/v1 whose
        // health-auth is 200 with getString("version") wins; every prefix is served, so the first one.
        Assert.Equal("pluginsv2/api/v2/openmetadata", prefix);
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task HealthAuth_AnswersTheServerReleaseAsAVersionString(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        using var response = await session.Client.GetAsync("health-auth");
        var body = await ContractSession.JsonAsync(response);

        // AirflowRESTClient.java @03fa0ab6 L515-L521 getServiceStatusInternal: statusCode() == 200, then
        // new JSONObject(body).getString("version") (a JSON string, or JSONException).
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(JsonValueKind.String, body.GetProperty("version").ValueKind);
        // AirflowRESTClient.java @03fa0ab6 L522 → PipelineServiceClient.java (stored copy, commit not exposed by the store) L114-L144
        // validServerClientVersions reads (\d+.\d+.\d+) and compares major.minor with SERVER_VERSION.
        Assert.Matches(VersionPattern(), body.GetProperty("version").GetString()!);
        Assert.StartsWith("1.13.", body.GetProperty("version").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Health_AnswersWithoutCredentials(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        using var response = await session.Client.GetAsync("health", authenticate: false);

        // AirflowRESTClient.java @03fa0ab6 L841-L843, L875-L880 fetchCsrfTokenIfNeeded falls back to fetchCsrfTokenFromHealthEndpoint: GET health.
        // Plugin api/routes/health.py @1e442a66 L24-L32: @csrf.exempt, "without auth", ApiResponse.success({"status": "healthy"});
        // operations/health.py @4722e2b1 L29-L31 health_response() answers {"status": "healthy", "version": ...}.
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("healthy", (await ContractSession.JsonAsync(response)).GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task CsrfToken_IsFetchedOnceAndSentBackOnEveryPost(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        await session.DeployAsync();
        using var trigger = await session.Client.PostAsync("trigger", """{"dag_id":"mysql_prod_metadata"}""");

        // AirflowRESTClient.java @03fa0ab6 L862-L864 fetchCsrfTokenViaEndpoint: body.get("csrf_token") kept when a non-empty String;
        // L828-L830 fetchCsrfTokenIfNeeded returns early once held, so csrf-token is asked once and X-CSRFToken
        // sent after (L282-L285).
        Assert.False(string.IsNullOrEmpty(session.Client.CsrfToken));
        Assert.Equal(["GET csrf-token", "POST deploy", "POST trigger"], session.Client.Sent);
        Assert.Equal(200, (int)trigger.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Ip_IsAStringMapWithTheAgentsAddress(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        if (session.Backend is Backend.ScriptedBackend scripted)
        {
            // The scripted backend has no sessions until told; a real backend has its agent connected.
            scripted.Connected.SessionList.Add(new Agent.Gateway.Agents.ConnectedAgent(
                Backend.ScriptedBackend.DefaultAgent, "i-1", "s-1", "1.0.0", System.Net.IPAddress.Parse("203.0.113.7"), DateTimeOffset.UnixEpoch, 0, 0));
        }

        using var response = await session.Client.GetAsync("ip");
        var body = await ContractSession.JsonAsync(response);

        // AirflowRESTClient.java @03fa0ab6 L667-L669 requestGetHostIp: 200, then JsonUtils.readValue(body, Map<String,String>).
        Assert.Equal(200, (int)response.StatusCode);
        Assert.All(body.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("ip").GetString()));
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();
}
