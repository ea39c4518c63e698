namespace Agent.Core.Execution;

/// <summary>
/// How the executor presents itself: <see cref="Kind"/> and <see cref="Namespace"/> in <c>hello.executor</c>,
/// <see cref="Platform"/> in <c>service.status</c>.
/// </summary>
internal sealed record ExecutorDescription(string Kind, string Platform, string Namespace);
