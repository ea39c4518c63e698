using Agent.Core.Operations;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Operations;

public class ResultCacheTests
{
    [Fact]
    public async Task GetOrStart_SameIdRacing_ExecutesOnce()
    {
        var cache = new ResultCache(new FakeTimeProvider());
        var executions = 0;
        var release = new TaskCompletionSource<OperationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racers = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return cache.GetOrStart("req-1", () =>
            {
                Interlocked.Increment(ref executions);
                return release.Task;
            });
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(racers).WaitAsync(TestTimeouts.Default);
        release.SetResult(new OperationResult(200));
        var results = await Task.WhenAll(answers.Select(answer => answer.Result)).WaitAsync(TestTimeouts.Default);

        Assert.Equal(1, Volatile.Read(ref executions));
        Assert.Single(answers, answer => !answer.IsDuplicate);
        Assert.All(answers, answer => Assert.Same(answers[0].Result, answer.Result));
        Assert.All(results, result => Assert.Equal(200, result.Code));
    }

    [Fact]
    public async Task GetOrStart_SecondCallSameId_IsDuplicateWithFirstAnswer()
    {
        var cache = new ResultCache(new FakeTimeProvider());
        var executions = 0;

        var first = cache.GetOrStart("req-1", () => Task.FromResult(new OperationResult(200, RunId: $"run-{Interlocked.Increment(ref executions)}")));
        var second = cache.GetOrStart("req-1", () => Task.FromResult(new OperationResult(200, RunId: $"run-{Interlocked.Increment(ref executions)}")));

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Equal("run-1", (await second.Result).RunId);
        Assert.Equal(1, executions);
    }

    [Fact]
    public async Task GetOrStart_DifferentIds_ExecuteSeparately()
    {
        var cache = new ResultCache(new FakeTimeProvider());
        var executions = 0;

        var first = cache.GetOrStart("req-1", () => Task.FromResult(new OperationResult(200, RunId: $"run-{Interlocked.Increment(ref executions)}")));
        var second = cache.GetOrStart("req-2", () => Task.FromResult(new OperationResult(200, RunId: $"run-{Interlocked.Increment(ref executions)}")));

        Assert.False(second.IsDuplicate);
        Assert.NotEqual((await first.Result).RunId, (await second.Result).RunId);
        Assert.Equal(2, executions);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task GetOrStart_ExecuteThrows_AnswerIsFaulted()
    {
        var cache = new ResultCache(new FakeTimeProvider());

        var (result, _) = cache.GetOrStart("req-1", () => throw new InvalidOperationException("boom"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => result.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task GetOrStart_AfterRetention_ForgetsFinishedAnswers()
    {
        var time = new FakeTimeProvider();
        var cache = new ResultCache(time);
        await cache.GetOrStart("old", () => Task.FromResult(new OperationResult(200))).Result;

        time.Advance(ResultCache.Retention + TimeSpan.FromMinutes(1));
        var (_, isDuplicate) = cache.GetOrStart("old", () => Task.FromResult(new OperationResult(200)));

        Assert.False(isDuplicate);
    }

    [Fact]
    public async Task GetOrStart_WithinRetention_StillDeduplicates()
    {
        var time = new FakeTimeProvider();
        var cache = new ResultCache(time);
        await cache.GetOrStart("req", () => Task.FromResult(new OperationResult(200))).Result;

        time.Advance(TimeSpan.FromMinutes(15));
        var (_, isDuplicate) = cache.GetOrStart("req", () => Task.FromResult(new OperationResult(200)));

        Assert.True(isDuplicate);
    }
}
