namespace Agent.Sandbox.OpenMetadata;

/// <summary>One service read the emulator answered, for tests that check a lookup did (or did not) happen.</summary>
internal sealed record ServiceLookupRecord(string Collection, string Fqn, int Status);
