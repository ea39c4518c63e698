using Agent.Core.Executors.Argo;

namespace Agent.Tests.Argo;

public class ArgoErrorMapperTests
{
    [Theory]
    [InlineData(404, null, ArgoErrorKind.NotFound)]
    [InlineData(409, null, ArgoErrorKind.AlreadyExists)]
    [InlineData(409, 6, ArgoErrorKind.AlreadyExists)]
    [InlineData(400, null, ArgoErrorKind.Invalid)]
    [InlineData(400, 5, ArgoErrorKind.Invalid)]
    [InlineData(401, null, ArgoErrorKind.Unauthorized)]
    [InlineData(403, null, ArgoErrorKind.Forbidden)]
    [InlineData(429, null, ArgoErrorKind.RateLimited)]
    [InlineData(502, null, ArgoErrorKind.Unavailable)]
    [InlineData(503, null, ArgoErrorKind.Unavailable)]
    [InlineData(504, null, ArgoErrorKind.Unavailable)]
    [InlineData(500, 5, ArgoErrorKind.NotFound)]
    [InlineData(500, 6, ArgoErrorKind.AlreadyExists)]
    [InlineData(500, 3, ArgoErrorKind.Invalid)]
    [InlineData(500, 16, ArgoErrorKind.Unauthorized)]
    [InlineData(500, 7, ArgoErrorKind.Forbidden)]
    [InlineData(500, 8, ArgoErrorKind.RateLimited)]
    [InlineData(500, 14, ArgoErrorKind.Unavailable)]
    [InlineData(500, 2, ArgoErrorKind.Other)]
    [InlineData(500, null, ArgoErrorKind.Other)]
    public void FromStatus_HttpAndGrpcCodes_MapToKind(int http, int? grpc, object expectedValue)
    {
        var expected = (ArgoErrorKind)expectedValue;
        var error = ArgoErrorMapper.FromStatus(http, grpc, "details");

        Assert.Equal(expected, error.Kind);
        Assert.Equal(http, error.HttpStatus);
        Assert.Equal(grpc, error.GrpcCode);
        Assert.Contains(http.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("details", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_HttpRequestException_IsUnavailable()
    {
        var inner = new HttpRequestException("connection refused");

        var error = ArgoErrorMapper.Map(inner);

        Assert.Equal(ArgoErrorKind.Unavailable, error.Kind);
        Assert.Same(inner, error.InnerException);
    }

    [Fact]
    public void Map_Timeout_IsUnavailable()
    {
        Assert.Equal(ArgoErrorKind.Unavailable, ArgoErrorMapper.Map(new TaskCanceledException()).Kind);
        Assert.Equal(ArgoErrorKind.Unavailable, ArgoErrorMapper.Map(new TimeoutException()).Kind);
    }

    [Fact]
    public void Map_ArgoException_IsReturnedUnchanged()
    {
        var original = new ArgoException(ArgoErrorKind.Forbidden, "no");

        Assert.Same(original, ArgoErrorMapper.Map(original));
    }

    [Fact]
    public void Map_OtherException_IsOther()
    {
        Assert.Equal(ArgoErrorKind.Other, ArgoErrorMapper.Map(new FormatException("bad")).Kind);
    }
}
