using Microsoft.Extensions.Options;

namespace Agent.Web.Logging;

/// <summary>Checks the data annotations of <see cref="LoggingOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class LoggingOptionsValidator : IValidateOptions<LoggingOptions>;
