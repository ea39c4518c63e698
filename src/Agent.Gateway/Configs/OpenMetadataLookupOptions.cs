using System.ComponentModel.DataAnnotations;

namespace Agent.Gateway.Configs;

/// <summary>The bound on one service lookup: <c>GATEWAY_OPENMETADATA_TIMEOUT_SECONDS</c> (default 5).</summary>
internal sealed class OpenMetadataLookupOptions
{
    public const string TimeoutVariable = "GATEWAY_OPENMETADATA_TIMEOUT_SECONDS";

    [Range(1, 300, ErrorMessage = TimeoutVariable + " must be a whole number of seconds from 1 to 300")]
    public int TimeoutSeconds { get; set; } = 5;
}
