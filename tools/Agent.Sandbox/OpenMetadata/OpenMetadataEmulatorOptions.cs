using System.ComponentModel.DataAnnotations;

namespace Agent.Sandbox.OpenMetadata;

/// <summary>Settings of the OpenMetadata REST emulator, bound from <c>Sandbox:OpenMetadata</c>.</summary>
internal sealed class OpenMetadataEmulatorOptions
{
    public const string SectionName = "Sandbox:OpenMetadata";

    /// <summary>The ingestion bot's JWT: every entity call must carry <c>Authorization: Bearer &lt;BotToken&gt;</c>.</summary>
    [Required]
    public string BotToken { get; set; } = "sandbox-bot-token";

    /// <summary>Reported by <c>/openmetadata/api/v1/system/version</c>; the release the gateway pins.</summary>
    [Required]
    public string Version { get; set; } = "1.13.3";
}
