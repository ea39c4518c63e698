using Microsoft.Extensions.Options;

namespace Agent.Core.Ingestion;

/// <summary>Checks the data annotations of <see cref="IngestionOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class IngestionOptionsValidator : IValidateOptions<IngestionOptions>;
