using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Kubernetes.Faults;

/// <summary>Compile-time generated validator for the DataAnnotations on <see cref="KubernetesFaultOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class KubernetesFaultOptionsValidator : IValidateOptions<KubernetesFaultOptions>;
