using Microsoft.Extensions.DependencyInjection;

namespace Agent.Gateway.Tests.Contract.Host;

/// <summary>
/// What stands behind the Airflow routes in a test: the seams the other slices implement. The contract suite runs
/// against any backend; ScriptedBackend keeps state in memory, and an end-to-end backend (real hub, store and agent)
/// can replace it without touching the tests that speak HTTP only.
/// </summary>
internal interface IGatewayBackend
{
    void ConfigureServices(IServiceCollection services);
}
