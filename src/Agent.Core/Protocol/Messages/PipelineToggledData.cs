namespace Agent.Core.Protocol.Messages;

/// <summary><c>data</c> of <c>pipeline.toggle</c>: whether the schedule now runs.</summary>
internal sealed record PipelineToggledData(bool Enabled);
