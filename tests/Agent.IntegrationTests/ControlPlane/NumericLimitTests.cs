using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Link;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>
/// Every number the agent reads, at and beyond its limit (issue 12, finding 2). Envelope and ack numbers are in
/// <see cref="BadInputTests"/>; here are the welcome and request payload ones. Each is answered (a result, or an
/// <c>error</c>), the session stays up, and nothing is logged at Error level.
/// </summary>
public sealed class NumericLimitTests
{
    [Theory]
    [InlineData(5_000_000)]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Welcome_HeartbeatSecondsOutOfRange_AgentSaysSoAndStaysOnTheSession(int heartbeatSeconds)
    {
        var settings = new Dictionary<string, string?> { ["Sandbox:ControlPlane:HeartbeatSeconds"] = heartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var link = await BadInputLink.StartAsync(settings);

        var errors = await link.WaitForErrorsAsync(1);

        Assert.Contains("heartbeatSeconds", errors[0].Reason, StringComparison.Ordinal);
        await link.AssertStillConnectedAsync();
    }

    [Fact]
    public async Task Welcome_HeartbeatSecondsAtTheLimit_AcceptedWithoutAWord()
    {
        var settings = new Dictionary<string, string?> { ["Sandbox:ControlPlane:HeartbeatSeconds"] = ControlPlaneSession.MaxHeartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var link = await BadInputLink.StartAsync(settings);

        await link.AssertStillConnectedAsync();

        Assert.Empty(link.Server.GetErrors());
    }

    /// <summary>pipeline.run numbers: int fields at their range ends are read, one past is a 400 naming the field.</summary>
    [Theory]
    [InlineData("retries", "2147483647", null)]
    [InlineData("retries", "-2147483648", null)]
    [InlineData("retries", "0", null)]
    [InlineData("retries", "2147483648", "retries")]
    [InlineData("retries", "-2147483649", "retries")]
    [InlineData("retries", "1.5", "retries")]
    [InlineData("retryDelaySeconds", "2147483647", null)]
    [InlineData("retryDelaySeconds", "2147483648", "retryDelaySeconds")]
    [InlineData("retryDelaySeconds", "1e400", "retryDelaySeconds")]
    public async Task PipelineRun_PipelineNumberAtOrBeyondItsLimit_ReadOrAnswered400(string field, string value, string? namedInA400)
    {
        await using var link = await BadInputLink.StartAsync();
        var payload = JsonNode.Parse(RequestPayloads.PipelineRun("limits.p", runId: Guid.NewGuid().ToString()).GetRawText())!.AsObject();
        payload["pipeline"]![field] = JsonNode.Parse(value);

        var result = await SendAsync(link, MessageTypes.PipelineRun, payload);

        if (namedInA400 is null)
        {
            Assert.NotEqual(ResultCodes.BadRequest, result.Code);
        }
        else
        {
            Assert.Equal(ResultCodes.BadRequest, result.Code);
            Assert.Contains(namedInA400, result.Reason, StringComparison.OrdinalIgnoreCase);
        }

        Assert.NotEqual(ResultCodes.Unexpected, result.Code);
        await link.AssertStillConnectedAsync();
    }

    /// <summary>Deadlines at the ends of what a time can hold, and one offset past them.</summary>
    [Theory]
    [InlineData("9999-12-31T23:59:59.9999999Z", ResultCodes.Ok)]
    [InlineData("0001-01-01T00:00:00Z", ResultCodes.DeadlinePassed)]
    [InlineData("9999-12-31T23:59:59-01:00", ResultCodes.BadRequest)]
    [InlineData("0001-01-01T00:00:00+01:00", ResultCodes.BadRequest)]
    [InlineData("10000-01-01T00:00:00Z", ResultCodes.BadRequest)]
    public async Task ServiceStatus_DeadlineAtOrBeyondTheTimeRange_AnsweredWithTheDocumentedCode(string deadline, int expectedCode)
    {
        await using var link = await BadInputLink.StartAsync();

        var result = await SendAsync(link, MessageTypes.ServiceStatus, new JsonObject { ["deadline"] = deadline });

        Assert.Equal(expectedCode, result.Code);
        await link.AssertStillConnectedAsync();
    }

    /// <summary>pipeline.logs pages with a number written as text; past an int it is a 400 naming <c>after</c>.</summary>
    [Theory]
    [InlineData("2147483648")]
    [InlineData("-1")]
    [InlineData("99999999999999999999999")]
    public async Task PipelineLogs_AfterBeyondItsRange_Answered400NamingAfter(string after)
    {
        await using var link = await BadInputLink.StartAsync();

        var result = await SendAsync(link, MessageTypes.PipelineLogs, new JsonObject { ["pipelineFqn"] = "limits.p", ["after"] = after });

        Assert.Equal(ResultCodes.BadRequest, result.Code);
        Assert.Contains("after", result.Reason, StringComparison.Ordinal);
        await link.AssertStillConnectedAsync();
    }

    private static async Task<Agent.Core.Protocol.Messages.ResultPayload> SendAsync(BadInputLink link, string type, JsonObject payload)
    {
        var answer = await link.Server.SendRequestAsync(
            link.Agent.AgentId, type, JsonSerializer.SerializeToElement(payload), TestTimeouts.Token());
        return ReliableMessages.Result(answer);
    }
}
