using System.Collections.Concurrent;

namespace Agent.Sandbox.OpenMetadata;

/// <summary>
/// The services the emulator knows, keyed by collection and name, seeded with <c>mysql_prod</c> (a Mysql database
/// service) so a demo deploy resolves without set-up; and the lookups it answered.
/// </summary>
internal sealed class ServiceCatalog
{
    public const string SeedDatabaseService = "mysql_prod";

    private readonly ConcurrentDictionary<(string Collection, string Name), ServiceEntity> _services = new();
    private readonly ConcurrentQueue<ServiceLookupRecord> _lookups = new();

    public ServiceCatalog() => Register("databaseServices", SeedDatabaseService, "Mysql", null);

    public IReadOnlyList<ServiceLookupRecord> Lookups => [.. _lookups];

    public IReadOnlyList<ServiceEntity> Services =>
        [.. _services.Values.OrderBy(s => s.Collection, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Adds or replaces a service; the caller has checked the collection.</summary>
    public ServiceEntity Register(string collection, string name, string serviceType, string? ingestionRunner)
    {
        var entity = new ServiceEntity(Guid.NewGuid(), collection, name, serviceType, ingestionRunner);
        _services[(collection, name)] = entity;
        return entity;
    }

    public ServiceEntity? Find(string collection, string name) => _services.GetValueOrDefault((collection, name));

    public void Record(ServiceLookupRecord lookup) => _lookups.Enqueue(lookup);
}
