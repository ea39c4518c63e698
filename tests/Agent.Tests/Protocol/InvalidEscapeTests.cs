using System.Text;
using System.Text.Json;
using Agent.Core.Operations;
using Agent.Core.Protocol;

namespace Agent.Tests.Protocol;

/// <summary>
/// JSON that parses but holds an escape that is not text: a lone UTF-16 surrogate (<c>\ud800</c>) or a surrogate pair
/// in the wrong order. System.Text.Json accepts these while parsing and throws InvalidOperationException only when the
/// string is read, so every reader of a string field must turn that into a reason, never an exception.
/// </summary>
public class InvalidEscapeTests
{
    public static TheoryData<string, string> Envelopes => new()
    {
        { """{"id":"\ud800","type":"service.status","payload":{}}""", "'id' is not valid text" },
        { """{"id":"a\udc00b","type":"service.status","payload":{}}""", "'id' is not valid text" },
        { """{"id":"\udc00\ud800","type":"service.status","payload":{}}""", "'id' is not valid text" },
        { """{"id":"req-1","type":"\ud800","payload":{}}""", "'type' is not valid text" },
        { """{"id":"req-1","type":"heartbeat.ack","replyTo":"\ud800","payload":{}}""", "'replyTo' is not valid text" },
        { """{"id":"req-1","type":"service.status","ts":"2026-03-14T09:26:53\ud800Z","payload":{}}""", "'ts'" },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Decode_InvalidEscapeInAnEnvelopeString_ReturnsAReasonWithoutThrowing(string frame, string expectedInReason)
    {
        var decoded = MessageCodec.Decode(Encoding.UTF8.GetBytes(frame));

        Assert.False(decoded.IsSuccess);
        Assert.Contains(expectedInReason, decoded.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidEscapeInTypeAfterAReadableId_KeepsTheIdForCorrelation()
    {
        var decoded = MessageCodec.Decode(Encoding.UTF8.GetBytes("""{"id":"req-7","type":"\ud800"}"""));

        Assert.False(decoded.IsSuccess);
        Assert.Equal("req-7", decoded.Error.Id);
    }

    [Theory]
    [InlineData("""{"pipelineFqn":"\ud800"}""")]
    [InlineData("""{"pipelineFqn":"svc.p\udfff"}""")]
    public void TryRead_InvalidEscapeInAPayloadString_FailsNamingTheField(string payload)
    {
        var ok = PayloadReader.TryRead(Parse(payload), ProtocolJsonContext.Default.PipelineFqnRequest, out _, out var reason);

        Assert.False(ok);
        Assert.Contains("pipelineFqn", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_InvalidEscapeInAWelcomeSessionId_Fails()
    {
        var payload = Parse("""{"sessionId":"\ud800","protocolVersion":1,"heartbeatSeconds":15,"ackedSeq":0}""");

        Assert.False(PayloadReader.TryRead(payload, ProtocolJsonContext.Default.WelcomePayload, out _, out var reason));
        Assert.Contains("sessionId", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadDeadline_InvalidEscape_FailsWithTheDeadlineReason()
    {
        var ok = RequestDeadline.TryRead(Parse("""{"deadline":"2026-03-14T09:26:53\ud800Z"}"""), out var deadline, out var reason);

        Assert.False(ok);
        Assert.Null(deadline);
        Assert.Contains("deadline", reason, StringComparison.Ordinal);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
