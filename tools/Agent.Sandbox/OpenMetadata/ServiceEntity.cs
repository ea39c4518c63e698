namespace Agent.Sandbox.OpenMetadata;

/// <summary>A service the emulator serves: its REST collection (<c>databaseServices</c>), name, <c>serviceType</c> and optional ingestion runner name.</summary>
internal sealed record ServiceEntity(Guid Id, string Collection, string Name, string ServiceType, string? IngestionRunner);
