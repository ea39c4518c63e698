using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Faults;

/// <summary>Compile-time generated validator for the DataAnnotations on <see cref="ArgoFaultOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ArgoFaultOptionsValidator : IValidateOptions<ArgoFaultOptions>;
