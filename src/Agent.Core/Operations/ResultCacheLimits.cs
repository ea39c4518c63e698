using Agent.Core.Link;

namespace Agent.Core.Operations;

/// <summary>How much the answer cache may hold before it forgets acknowledged answers early (protocol §4).</summary>
/// <param name="MaxEntries">Answers kept at most, finished or executing.</param>
/// <param name="MaxBytes">Estimated size of the finished answers kept at most.</param>
internal sealed record ResultCacheLimits(int MaxEntries, long MaxBytes)
{
    public static ResultCacheLimits Default { get; } = new(ControlPlaneOptions.DefaultResultCacheMaxEntries, ControlPlaneOptions.DefaultResultCacheMaxBytes);

    public static ResultCacheLimits From(ControlPlaneOptions options) => new(options.ResultCacheMaxEntries, options.ResultCacheMaxBytes);
}
