namespace Agent.Sandbox.OpenMetadata;

/// <summary>OpenMetadata's error body (ErrorResponse, written by its exception mappers): <c>{"code":…,"message":…}</c>.</summary>
internal sealed record OpenMetadataError(int Code, string Message);
