using Microsoft.Extensions.Options;

namespace Agent.Core.Link;

/// <summary>Checks the data annotations of <see cref="ControlPlaneOptions"/> (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class ControlPlaneOptionsValidator : IValidateOptions<ControlPlaneOptions>;
