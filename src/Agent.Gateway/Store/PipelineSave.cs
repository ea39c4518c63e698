namespace Agent.Gateway.Store;

/// <summary>The outcome of <see cref="IPipelineBook.SaveAsync"/>: saved, or refused because <see cref="Holder"/> owns the dag_id.</summary>
internal sealed record PipelineSave(bool Saved, DeployedPipeline? Holder = null);
