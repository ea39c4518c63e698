using Microsoft.Extensions.Options;

namespace Agent.Gateway.Hosting;

/// <summary>
/// The one place the gateway's environment variables are read: bound once per builder into one
/// <see cref="GatewayOptions"/> (secret files resolved), which every <c>Add*</c> of Program.cs reads for its registration
/// decisions and which <see cref="IOptions{TOptions}"/> hands to every service, so a default drawn at read time (the
/// replica id) is the same everywhere. Its rules run at start; a bad value stops the process with one line.
/// </summary>
internal static class GatewaySettings
{
    private static readonly object Key = typeof(GatewayOptions);

    /// <summary>The settings of this builder, read on the first call; later calls return the same instance.</summary>
    public static GatewayOptions GatewayOptions(this IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(Key, out var read))
        {
            return (GatewayOptions)read;
        }

        // A value the binder cannot convert throws here, naming the variable (GatewayStartupFailure turns it into the line).
        var options = builder.Configuration.Get<GatewayOptions>() ?? new GatewayOptions();
        SecretFiles.Resolve(options);
        builder.Properties[Key] = options;
        builder.Services.AddSingleton<IOptionsFactory<GatewayOptions>>(services =>
            new ReadOnceFactory(options, services.GetServices<IValidateOptions<GatewayOptions>>()));
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsRules>();
        builder.Services.AddOptionsWithValidateOnStart<GatewayOptions>();
        return options;
    }

    /// <summary>Hands out the instance read at registration instead of binding a new one, after running every rule on it.</summary>
    private sealed class ReadOnceFactory(GatewayOptions options, IEnumerable<IValidateOptions<GatewayOptions>> validations)
        : OptionsFactory<GatewayOptions>([], [], validations)
    {
        protected override GatewayOptions CreateInstance(string name) => options;
    }
}
