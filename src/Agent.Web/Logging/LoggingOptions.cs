using System.ComponentModel.DataAnnotations;

namespace Agent.Web.Logging;

/// <summary>How the console log is written. Bound from section <c>Logging</c>.</summary>
internal sealed class LoggingOptions
{
    public const string SectionName = "Logging";

    /// <summary>Console log format (<c>LOG_FORMAT</c>): <c>text</c> or <c>json</c>, in any case. Anything else is refused rather than read as text.</summary>
    [RegularExpression("^(?i:text|json)$", ErrorMessage = "{0} is not a log format: use text or json")]
    public string Format { get; set; } = "text";

    public bool IsJson => string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase);
}
