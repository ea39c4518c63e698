namespace Agent.Core.Executors.Argo.Wire;

/// <summary>One object of an Argo stream: a result, or the in-band error that ends the stream.</summary>
internal sealed record StreamLineJson<T>(T? Result, StreamErrorJson? Error);
