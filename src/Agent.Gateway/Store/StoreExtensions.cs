using Agent.Gateway.Hosting;
using Agent.Gateway.Store.Postgres;
using Agent.Gateway.Store.Protection;
using Agent.Gateway.Store.Sql;
using Agent.Gateway.Store.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agent.Gateway.Store;

/// <summary>
/// The gateway's state: SQLite (<c>GATEWAY_STORE=sqlite</c>, the default, one replica) or PostgreSQL (several replicas),
/// its schema migrations, the Data Protection key ring kept in it, and the replica bus.
/// </summary>
internal static class StoreExtensions
{
    /// <summary>Application name of the key ring: every replica must use the same one to read the others' payloads.</summary>
    public const string DataProtectionApplicationName = "Agent.Gateway";

    public static TBuilder AddGatewayStore<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        // The one settings instance: the backend is chosen here, and its replica id (drawn once) names this replica on
        // the bus. A bad value is reported by the settings' rules when the host starts, naming the variable.
        var settings = builder.GatewayOptions();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        if (settings.StoreKind == StoreKind.Postgres)
        {
            services.AddSingleton(sp => new PostgresDatabase(settings.PostgresConnection!, sp.GetRequiredService<ILogger<PostgresDatabase>>()));
            services.AddSingleton<StoreDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.AddSingleton<PostgresReplicaBus>();
            services.AddSingleton<IReplicaBus>(sp => sp.GetRequiredService<PostgresReplicaBus>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresReplicaBus>());
        }
        else
        {
            services.AddSingleton<StoreDatabase>(sp => new SqliteDatabase(settings.SqlitePath, sp.GetRequiredService<ILogger<SqliteDatabase>>()));
            services.AddSingleton<IReplicaBus, SingleReplicaBus>();
        }

        services.AddHostedService<StoreMigrationService>();
        services.AddSingleton<IPipelineBook, SqlPipelineBook>();
        services.AddSingleton<IRunBook, SqlRunBook>();
        services.AddSingleton<ISeqLedger, SqlSeqLedger>();
        services.AddSingleton<IAgentPresence, SqlAgentPresence>();

        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddSingleton<StoreXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<StoreXmlRepository>((options, repository) => options.XmlRepository = repository);
        services.AddSingleton<IPayloadProtector, PayloadProtector>();
        return builder;
    }
}
