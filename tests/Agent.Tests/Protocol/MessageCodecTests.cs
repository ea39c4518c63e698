using System.Text;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Protocol;

public class MessageCodecTests
{
    private static readonly DateTimeOffset Timestamp = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2));

    [Fact]
    public void EncodeDecode_EnvelopeWithSeqReplyToAndTs_RoundTrips()
    {
        var payload = JsonDocument.Parse("""{"ok":true,"code":200}""").RootElement;
        var original = new Envelope(MessageTypes.Result, "id-1", Timestamp, payload, 42, "req-7");

        var decoded = MessageCodec.Decode(MessageCodec.Encode(original));

        Assert.True(decoded.IsSuccess, decoded.Error?.Reason);
        Assert.Equal(MessageTypes.Result, decoded.Message.Type);
        Assert.Equal("id-1", decoded.Message.Id);
        Assert.Equal(42, decoded.Message.Seq);
        Assert.Equal("req-7", decoded.Message.ReplyTo);
        Assert.Equal(Timestamp, decoded.Message.Ts);
        Assert.Equal(200, decoded.Message.Payload.GetProperty("code").GetInt32());
        Assert.True(decoded.Message.Payload.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void Encode_Timestamp_WritesRfc3339UtcWithZ()
    {
        var message = new Envelope(MessageTypes.Heartbeat, "id-1", Timestamp, JsonDocument.Parse("{}").RootElement);

        using var json = JsonDocument.Parse(MessageCodec.Encode(message));

        Assert.Equal("2025-03-04T03:06:07.890Z", json.RootElement.GetProperty("ts").GetString());
    }

    [Fact]
    public void Encode_NoSeqOrReplyTo_OmitsThem()
    {
        var message = new Envelope(MessageTypes.Heartbeat, "id-1", Timestamp, JsonDocument.Parse("{}").RootElement);

        using var json = JsonDocument.Parse(MessageCodec.Encode(message));

        Assert.False(json.RootElement.TryGetProperty("seq", out _));
        Assert.False(json.RootElement.TryGetProperty("replyTo", out _));
    }

    [Fact]
    public void Decode_NoPayload_GivesEmptyObject()
    {
        var decoded = Decode("""{"id":"a","type":"heartbeat"}""");

        Assert.True(decoded.IsSuccess);
        Assert.Equal(JsonValueKind.Object, decoded.Message.Payload.ValueKind);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"id\":\"a\",\"type\":", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("42", "JSON object")]
    [InlineData("\"hello\"", "JSON object")]
    [InlineData("{\"type\":\"heartbeat\"}", "'id'")]
    [InlineData("{\"id\":7,\"type\":\"heartbeat\"}", "'id'")]
    [InlineData("{\"id\":\"a\"}", "'type'")]
    [InlineData("{\"id\":\"a\",\"type\":5}", "'type'")]
    [InlineData("{\"id\":\"a\",\"type\":\"heartbeat\",\"seq\":0}", "'seq'")]
    [InlineData("{\"id\":\"a\",\"type\":\"heartbeat\",\"seq\":-3}", "'seq'")]
    [InlineData("{\"id\":\"a\",\"type\":\"heartbeat\",\"seq\":1.5}", "'seq'")]
    [InlineData("{\"id\":\"a\",\"type\":\"heartbeat\",\"seq\":\"1\"}", "'seq'")]
    [InlineData("{\"id\":\"a\",\"type\":\"heartbeat\",\"replyTo\":1}", "'replyTo'")]
    [InlineData("{\"id\":\"a\",\"type\":\"heartbeat\",\"ts\":\"yesterday\"}", "'ts'")]
    [InlineData("{\"id\":\"a\",\"type\":\"heartbeat\",\"payload\":[]}", "'payload'")]
    [InlineData("{\"id\":\"a\",\"type\":\"heartbeat\",\"payload\":\"x\"}", "'payload'")]
    public void Decode_BadFrame_ReturnsErrorNamingProblem(string frame, string expectedInReason)
    {
        var decoded = Decode(frame);

        Assert.False(decoded.IsSuccess);
        Assert.Contains(expectedInReason, decoded.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BadFieldAfterId_ReportsTheIdForCorrelation()
    {
        var decoded = Decode("""{"id":"req-9","type":"heartbeat","seq":0}""");

        Assert.False(decoded.IsSuccess);
        Assert.Equal("req-9", decoded.Error.Id);
    }

    [Fact]
    public void Decode_Nested1000Deep_ReturnsErrorWithoutThrowing()
    {
        var frame = "{\"id\":\"a\",\"type\":\"t\",\"payload\":{\"x\":" + new string('[', 1000) + new string(']', 1000) + "}}";

        var decoded = Decode(frame);

        Assert.False(decoded.IsSuccess);
        Assert.Contains("not valid JSON", decoded.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OneMegabyteStringField_Decodes()
    {
        var big = new string('x', 1024 * 1024);
        var decoded = Decode("{\"id\":\"a\",\"type\":\"t\",\"payload\":{\"config\":\"" + big + "\"}}");

        Assert.True(decoded.IsSuccess, decoded.Error?.Reason);
        Assert.Equal(big.Length, decoded.Message.Payload.GetProperty("config").GetString()!.Length);
    }

    [Fact]
    public void Decode_TenThousandRandomFrames_NeverThrows()
    {
        var random = new Random(20250304);
        var failures = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var frame = new byte[random.Next(0, 256)];
            random.NextBytes(frame);
            if (i % 2 == 0 && frame.Length > 0)
            {
                frame[0] = (byte)'{'; // Half start like JSON so the parser gets further in.
            }

            var decoded = MessageCodec.Decode(frame);
            if (!decoded.IsSuccess)
            {
                Assert.False(string.IsNullOrWhiteSpace(decoded.Error.Reason));
                failures++;
            }
        }

        Assert.Equal(10_000, failures);
    }

    [Fact]
    public void Create_Payload_SerializesWithProtocolNames()
    {
        var message = MessageCodec.Create(
            MessageTypes.Ack, new AckPayload(5), ProtocolJsonContext.Default.AckPayload, Timestamp, id: "x");

        var decoded = MessageCodec.Decode(MessageCodec.Encode(message));

        Assert.True(decoded.IsSuccess);
        Assert.Equal("x", decoded.Message.Id);
        Assert.Equal(5, decoded.Message.Payload.GetProperty("seq").GetInt64());
    }

    private static DecodeResult Decode(string frame) => MessageCodec.Decode(Encoding.UTF8.GetBytes(frame));
}
