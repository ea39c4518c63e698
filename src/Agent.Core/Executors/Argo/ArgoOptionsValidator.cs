using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Argo;

/// <summary>Checks the data annotations of <see cref="ArgoOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ArgoOptionsValidator : IValidateOptions<ArgoOptions>;
