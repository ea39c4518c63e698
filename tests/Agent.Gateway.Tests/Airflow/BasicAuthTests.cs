using System.Net.Http.Headers;
using System.Text;
using Agent.Gateway.Airflow;
using Agent.Gateway.Tests.Contract.Host;

namespace Agent.Gateway.Tests.Airflow;

/// <summary>Basic auth on every route but health, with the plugin's 401 body.</summary>
public sealed class BasicAuthTests
{
    public static TheoryData<string, string> SecuredRoutes => new()
    {
        { "GET", "health-auth" }, { "GET", "csrf-token" }, { "GET", "ip" }, { "POST", "deploy" }, { "POST", "trigger" },
        { "GET", "status?dag_id=x" }, { "GET", "last_dag_logs?dag_id=x&task_id=ingestion_task" }, { "POST", "kill" },
        { "POST", "enable" }, { "POST", "disable" }, { "DELETE", "delete?dag_id=x" }, { "POST", "run_automation" },
        { "POST", "run_application" },
    };

    [Theory]
    [MemberData(nameof(SecuredRoutes))]
    public async Task WrongPassword_IsUnauthorizedWithThePluginsBody(string method, string route)
    {
        await using var session = await ScriptedSession.StartAsync();
        foreach (var prefix in OpenMetadataRelease.Prefixes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"{prefix}/{route}") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.Authorization = Basic(AirflowGatewayHost.Username, AirflowGatewayHost.Password + "x");

            using var response = await session.Host.Http.SendAsync(request);

            Assert.Equal(401, (int)response.StatusCode);
            Assert.Equal("""{"error":"Not authorized to access this resource"}""", await response.Content.ReadAsStringAsync());
        }

        Assert.Empty(session.Backend.Link.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Basic not-base64!")]
    [InlineData("Basic b20tYWRtaW4=")]
    public async Task MissingOrMalformedCredentials_AreUnauthorized(string? authorization)
    {
        await using var session = await ScriptedSession.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/openmetadata/health-auth");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await session.Host.Http.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task WrongUsername_IsUnauthorized_RightPairIsAccepted()
    {
        await using var session = await ScriptedSession.StartAsync();

        using var wrong = await SendAsync(session, Basic("admin", AirflowGatewayHost.Password));
        using var right = await SendAsync(session, Basic(AirflowGatewayHost.Username, AirflowGatewayHost.Password));

        Assert.Equal(401, (int)wrong.StatusCode);
        Assert.Equal(200, (int)right.StatusCode);
    }

    [Fact]
    public async Task Health_NeedsNoCredentials()
    {
        await using var session = await ScriptedSession.StartAsync();

        using var response = await session.Host.Http.GetAsync("api/v1/openmetadata/health");

        Assert.Equal(200, (int)response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(ScriptedSession session, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/openmetadata/health-auth");
        request.Headers.Authorization = authorization;
        return await session.Host.Http.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
