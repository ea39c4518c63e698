using Microsoft.Extensions.Options;

namespace Agent.Core.Argo;

/// <summary>Checks the data annotations of <see cref="ArgoOptions"/> (source-generated).</summary>
[OptionsValidator]
public sealed partial class ArgoOptionsValidator : IValidateOptions<ArgoOptions>;
