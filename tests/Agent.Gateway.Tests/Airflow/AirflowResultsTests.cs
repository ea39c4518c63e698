using Agent.Gateway.Airflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.Gateway.Tests.Airflow;

public sealed class AirflowResultsTests
{
    [Fact]
    public async Task BadRequest_NeverCarriesTheTextThatMakesTheClientRetry()
    {
        var body = await ExecuteAsync(AirflowResults.BadRequest("agent 'a' could not deploy: the CSRF token field is unknown"));

        // AirflowRESTClient.post @03fa0ab6: response.body().contains("CSRF token") on a 400 → clearCsrfToken and send again.
        Assert.DoesNotContain("CSRF token", body, StringComparison.Ordinal);
        Assert.Contains("could not deploy", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherErrors_KeepTheirText()
    {
        var body = await ExecuteAsync(AirflowResults.Error(500, "CSRF token store down"));

        Assert.Equal("""{"error":"CSRF token store down"}""", body);
    }

    private static async Task<string> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var stream = new MemoryStream();
        context.Response.Body = stream;
        await result.ExecuteAsync(context);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
