using Agent.Gateway.Hosting;
using Agent.Gateway.Store;
using Agent.Gateway.Tests.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Tests.Hosting;

/// <summary>
/// The replica id is drawn once per process and read from the one settings instance: the bus (and so presence claims,
/// which use the bus's id), the admin view and the logs name the same replica.
/// </summary>
public sealed class ReplicaIdTests
{
    [Fact]
    public void Default_IsTheMachineNamePlusAShortRandom_ValidAndTheSameForEveryReader()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(StoreHost.Required);
        builder.Configuration["GATEWAY_SQLITE_PATH"] = Path.Combine(Path.GetTempPath(), $"replica-{Guid.NewGuid():N}.db");
        builder.AddGatewayLogging();
        builder.AddGatewayStore();
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<GatewayOptions>>().Value;

        Assert.Matches("^[A-Za-z0-9.-]{1,32}-[0-9a-f]{6}$", options.ReplicaId);
        Assert.Same(builder.GatewayOptions(), options);
        Assert.Equal(options.ReplicaId, services.GetRequiredService<IReplicaBus>().ReplicaId);
        Assert.True(new GatewayOptionsRules().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Default_IsDrawnOncePerProcess()
    {
        Assert.Equal(new GatewayOptions().ReplicaId, new GatewayOptions().ReplicaId);
    }

    [Fact]
    public void Set_IsWhatTheBusUses()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(StoreHost.Required);
        builder.Configuration["GATEWAY_REPLICA_ID"] = "gateway-0";
        builder.AddGatewayStore();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Equal("gateway-0", services.GetRequiredService<IReplicaBus>().ReplicaId);
    }
}
