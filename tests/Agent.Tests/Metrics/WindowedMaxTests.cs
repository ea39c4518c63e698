using Agent.Core.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Metrics;

public class WindowedMaxTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    [Fact]
    public void Add_WithinWindow_ReturnsLargestValue()
    {
        var time = new FakeTimeProvider();
        var max = new WindowedMax(Window, time);

        max.Add(3);
        time.Advance(TimeSpan.FromSeconds(20));
        max.Add(9);
        time.Advance(TimeSpan.FromSeconds(20));
        var result = max.Add(5);

        Assert.Equal(9, result);
        Assert.Equal(9, max.Current());
    }

    [Fact]
    public void Current_AfterWindowPasses_FallsBackToLaterValues()
    {
        var time = new FakeTimeProvider();
        var max = new WindowedMax(Window, time);
        max.Add(9);
        time.Advance(TimeSpan.FromSeconds(30));
        max.Add(2);

        time.Advance(TimeSpan.FromSeconds(45));

        Assert.Equal(2, max.Current());
    }

    [Fact]
    public void Current_LongSilence_IsZero()
    {
        var time = new FakeTimeProvider();
        var max = new WindowedMax(Window, time);
        max.Add(9);

        time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, max.Current());
    }

    [Fact]
    public void Current_JustInsideWindow_StillReportsValue()
    {
        var time = new FakeTimeProvider();
        var max = new WindowedMax(Window, time);
        max.Add(7);

        time.Advance(TimeSpan.FromSeconds(44));

        Assert.Equal(7, max.Current());
    }
}
