using Agent.Gateway.Agents;
using Agent.Gateway.Airflow;
using Agent.Gateway.Configs;
using Agent.Gateway.Hosting;
using Agent.Gateway.Routing;
using Agent.Gateway.Store;
using Serilog;

if (HashTokenCommand.IsRequested(args))
{
    return HashTokenCommand.Run(Console.In, Console.Out, Console.Error);
}

Log.Logger = GatewayLogging.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddGatewayHosting();      // settings, logging, listeners, metrics, health, admin API, Swagger
    builder.AddGatewayStore();        // SQLite or PostgreSQL, migrations, Data Protection keys, replica bus
    builder.AddAgentDirectory();      // the agents file: tokens (hashed) and routing rules
    builder.AddRunConfigs();          // WorkflowConfigBuilder port and the OpenMetadata service lookup
    builder.AddAgentHub();            // the agents' WebSocket endpoint and the link to them
    builder.AddAirflowApi();          // the managed-APIs routes AirflowRESTClient calls

    var app = builder.Build();
    app.UseGatewayHosting();
    app.MapAgentHub();
    app.MapAirflowApi();
    app.MapGatewayHosting();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (GatewayStartupFailure.TryDescribe(ex, out var problems))
{
    Log.Fatal("Invalid configuration: {Problems:l}", problems);
    return 2;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The gateway stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Internal, as every type here; the tests reach it through InternalsVisibleTo.</summary>
internal partial class Program;
