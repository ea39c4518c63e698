using Agent.Sandbox.Argo;
using Agent.Sandbox.ControlPlane;
using Agent.Sandbox.Demo;
using Agent.Sandbox.Kubernetes;
using Agent.Sandbox.OpenMetadata;

namespace Agent.Sandbox;

/// <summary>
/// Builds the sandbox application. Tests, the demo and the benchmarks all host it through here, so they
/// exercise the same emulators; the configure callback lets a test swap services such as the
/// <see cref="TimeProvider"/> before the app is built.
/// </summary>
internal static class SandboxApp
{
    public const string DefaultUrl = "http://127.0.0.1:0";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { [SandboxInstance.Switch] = SandboxInstance.ConfigurationKey });
        builder.WebHost.UseKestrelCore();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddArgoEmulator();
        builder.AddKubernetesEmulator();
        builder.AddControlPlane();
        builder.AddOpenMetadataEmulator();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        builder.Services.AddHostedService<DemoRun>();
        builder.Services.AddSingleton(services => SandboxInstance.From(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<TimeProvider>()));
        builder.AddSandboxSwagger();
        configure?.Invoke(builder);

        var app = builder.Build();
        _ = app.Services.GetRequiredService<SandboxInstance>(); // stamps StartedAt now, not at the first request
        app.UseWebSockets();
        app.UseSandboxSwagger();
        app.MapArgoEmulator();
        app.MapKubernetesEmulator();
        app.MapControlPlane();
        app.MapOpenMetadataEmulator();
        return app;
    }
}
