namespace Agent.Tests.Argo.Fakes;

/// <summary>A call the watcher made: <c>list</c>, or <c>watch</c> from <see cref="ResourceVersion"/>.</summary>
internal sealed record WatcherCall(string Kind, string? ResourceVersion);
