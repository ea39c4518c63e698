using Microsoft.Extensions.Options;

namespace Agent.Web.Hosting;

/// <summary>Checks the data annotations of <see cref="ServerOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ServerOptionsValidator : IValidateOptions<ServerOptions>;
