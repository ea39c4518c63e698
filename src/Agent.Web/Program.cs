using Agent.Web.Admin;
using Agent.Web.Configuration;
using Agent.Web.Health;
using Agent.Web.Hosting;
using Agent.Web.Logging;
using Agent.Web.Metrics;
using Serilog;

if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync(Environment.GetEnvironmentVariable, Console.Out, CancellationToken.None);
}

Log.Logger = LoggingExtensions.CreateBootstrapLogger();
WebApplicationBuilder? builder = null;
ListenerPorts? ports = null;
try
{
    builder = WebApplication.CreateBuilder(args);
    builder.AddAgentConfiguration();
    builder.AddAgentLogging();
    builder.AddListeners();
    builder.AddAgentMetrics();
    builder.AddAgent();
    builder.AddAgentHealth();
    builder.AddAdminApi();
    builder.AddAdminSwagger();

    var app = builder.Build();

    // Kept outside the host, which RunAsync disposes when start fails: a port in use is named through them.
    ports = app.Services.GetRequiredService<ListenerPorts>();
    app.ValidateConfiguration();
    app.UseAgentRequestLogging();
    app.UseListenerRestriction();
    app.UseAdminSwagger();
    app.MapAgentHealth();
    app.MapAgentMetrics();
    app.MapAdminApi();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.TryDescribe(ex, builder?.Configuration, ports, out var problems))
{
    Log.Fatal("Invalid configuration: {Problems:l}", problems);
    return 2;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The agent stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>
/// Internal, as every type here: the tests reach it through InternalsVisibleTo for <c>WebApplicationFactory&lt;Program&gt;</c>.
/// Declared so .NET 10's generator does not make it public (dotnet/aspnetcore#58199): nothing outside needs it.
/// </summary>
internal partial class Program;
