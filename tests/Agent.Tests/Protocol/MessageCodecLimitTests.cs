using System.Text;
using Agent.Core.Protocol;

namespace Agent.Tests.Protocol;

/// <summary>The length limits on envelope identifiers (protocol §2): ids are kept per request, so they are bounded.</summary>
public class MessageCodecLimitTests
{
    [Fact]
    public void Decode_IdAtTheLimit_Decodes()
    {
        var id = new string('a', MessageCodec.DefaultMaxIdLength);

        var decoded = Decode($$"""{"id":"{{id}}","type":"service.status"}""");

        Assert.True(decoded.IsSuccess, decoded.Error?.Reason);
        Assert.Equal(id, decoded.Message.Id);
    }

    [Fact]
    public void Decode_IdOneOverTheLimit_RefusedNamingTheLimitWithoutEchoingTheId()
    {
        var id = new string('a', MessageCodec.DefaultMaxIdLength + 1);

        var decoded = Decode($$"""{"id":"{{id}}","type":"service.status"}""");

        Assert.False(decoded.IsSuccess);
        Assert.Contains($"the limit is {MessageCodec.DefaultMaxIdLength}", decoded.Error.Reason, StringComparison.Ordinal);
        Assert.Null(decoded.Error.Id);
    }

    [Fact]
    public void Decode_ConfiguredLimit_AppliesToIdAndReplyTo()
    {
        var replyTooLong = MessageCodec.Decode(Encoding.UTF8.GetBytes("""{"id":"abcd","type":"heartbeat.ack","replyTo":"abcde"}"""), maxIdLength: 4);
        var idTooLong = MessageCodec.Decode(Encoding.UTF8.GetBytes("""{"id":"abcde","type":"heartbeat.ack"}"""), maxIdLength: 4);

        Assert.Contains("'replyTo' is 5 characters long; the limit is 4", replyTooLong.Error?.Reason, StringComparison.Ordinal);
        Assert.Equal("abcd", replyTooLong.Error?.Id);
        Assert.Contains("'id' is 5 characters long; the limit is 4", idTooLong.Error?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TypeOverItsLimit_RefusedWithTheIdForCorrelation()
    {
        var type = new string('t', MessageCodec.MaxTypeLength + 1);

        var decoded = Decode($$"""{"id":"req-1","type":"{{type}}"}""");

        Assert.False(decoded.IsSuccess);
        Assert.Contains($"'type' is {type.Length} characters long", decoded.Error.Reason, StringComparison.Ordinal);
        Assert.Equal("req-1", decoded.Error.Id);
    }

    [Theory]
    [InlineData("9223372036854775807", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("1e3", false)]
    [InlineData("0", false)]
    [InlineData("-9223372036854775808", false)]
    public void Decode_SeqAtAndBeyondLongRange_AcceptedOnlyAsAPositiveInteger(string seq, bool accepted)
    {
        var decoded = Decode($$"""{"id":"a","type":"result","seq":{{seq}}}""");

        Assert.Equal(accepted, decoded.IsSuccess);
        Assert.Equal(accepted ? long.MaxValue : null, decoded.Message?.Seq);
    }

    private static DecodeResult Decode(string frame) => MessageCodec.Decode(Encoding.UTF8.GetBytes(frame));
}
