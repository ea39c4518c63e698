namespace Agent.Gateway.Configs;

/// <summary>What the run config needs from the service entity: its <c>serviceType</c> (e.g. <c>Mysql</c>) and, when set, its ingestion runner's name.</summary>
internal sealed record ServiceFacts(string ServiceType, string? IngestionRunnerName);
