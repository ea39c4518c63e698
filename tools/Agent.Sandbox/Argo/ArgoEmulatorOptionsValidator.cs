using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo;

/// <summary>Compile-time generated validator for the DataAnnotations on <see cref="ArgoEmulatorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ArgoEmulatorOptionsValidator : IValidateOptions<ArgoEmulatorOptions>;
