using System.Text.Json;
using Agent.Core.Operations;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Operations;

/// <summary>
/// The answer cache is bounded in entries and bytes (issue 12, finding 3). At a bound it forgets the oldest answers
/// the control plane has acknowledged, and never one still on its way: that answer is what a repeat of its id gets.
/// </summary>
public class ResultCacheBoundsTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void GetOrStart_AtTheEntryBound_ForgetsTheOldestAcknowledgedAnswer()
    {
        var cache = new ResultCache(_time, new ResultCacheLimits(MaxEntries: 3, MaxBytes: long.MaxValue));
        AddAnswered(cache, "a", "b", "c");

        AddAnswered(cache, "d");

        Assert.Equal(3, cache.Count);
        Assert.True(IsRemembered(cache, "b"));
        Assert.False(IsRemembered(cache, "a"));
    }

    [Fact]
    public void GetOrStart_AtTheEntryBound_KeepsAnswersNotYetAcknowledged()
    {
        var cache = new ResultCache(_time, new ResultCacheLimits(MaxEntries: 3, MaxBytes: long.MaxValue))
        {
            IsAnswerAcknowledged = id => id is not ("a" or "b"),
        };
        AddAnswered(cache, "a", "b", "c");

        AddAnswered(cache, "d");

        Assert.True(IsRemembered(cache, "a"));
        Assert.True(IsRemembered(cache, "b"));
        Assert.False(IsRemembered(cache, "c"));
    }

    [Fact]
    public void GetOrStart_AtTheEntryBound_KeepsAnswersStillExecuting()
    {
        var cache = new ResultCache(_time, new ResultCacheLimits(MaxEntries: 2, MaxBytes: long.MaxValue));
        var never = new TaskCompletionSource<OperationResult>();
        cache.GetOrStart("running", () => never.Task);
        _time.Advance(TimeSpan.FromSeconds(1));
        AddAnswered(cache, "done");

        AddAnswered(cache, "new");

        Assert.True(IsRemembered(cache, "running"));
        Assert.False(IsRemembered(cache, "done"));
    }

    [Fact]
    public void GetOrStart_AtTheByteBound_ForgetsTheOldestAnswersUntilBelowIt()
    {
        var big = new OperationResult(200, Data: JsonDocument.Parse($$"""{"text":"{{new string('x', 1000)}}"}""").RootElement.Clone());
        var cache = new ResultCache(_time, new ResultCacheLimits(MaxEntries: 1000, MaxBytes: 2500));
        foreach (var id in new[] { "a", "b", "c" })
        {
            cache.GetOrStart(id, () => Task.FromResult(big));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.InRange(cache.Bytes, 1, 2500);
        Assert.False(IsRemembered(cache, "a"));
        Assert.True(IsRemembered(cache, "c"));
    }

    [Fact]
    public void Bytes_AnswersForgottenAfterRetention_ReturnToZero()
    {
        var cache = new ResultCache(_time, new ResultCacheLimits(MaxEntries: 100, MaxBytes: long.MaxValue));
        AddAnswered(cache, "a", "b");
        Assert.True(cache.Bytes > 0);

        _time.Advance(ResultCache.Retention + TimeSpan.FromMinutes(2));
        cache.GetOrStart("later", () => new TaskCompletionSource<OperationResult>().Task);

        Assert.Equal(1, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    private void AddAnswered(ResultCache cache, params string[] ids)
    {
        foreach (var id in ids)
        {
            cache.GetOrStart(id, () => Task.FromResult(new OperationResult(200, RunId: "run-" + id)));
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>A remembered id is a duplicate; probing with a never-finishing execution adds nothing that could be evicted.</summary>
    private static bool IsRemembered(ResultCache cache, string id) =>
        cache.GetOrStart(id, () => new TaskCompletionSource<OperationResult>().Task).IsDuplicate;
}
