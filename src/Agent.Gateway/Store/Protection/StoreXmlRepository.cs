using System.Xml.Linq;
using Agent.Gateway.Store.Sql;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Agent.Gateway.Store.Protection;

/// <summary>
/// The Data Protection key ring in the store's <c>data_protection_keys</c> table, so every replica and every restart
/// reads the same keys. Data Protection's repository interface is synchronous; it is called rarely (key ring loads).
/// </summary>
internal sealed class StoreXmlRepository(StoreDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAllAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        WriteAsync(element, string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAllAsync()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command("SELECT xml FROM data_protection_keys ORDER BY friendly_name");
        await using var reader = await command.ExecuteReaderAsync();
        var elements = new List<XElement>();
        while (await reader.ReadAsync())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    private async Task WriteAsync(XElement element, string friendlyName)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendly_name, @xml)
            ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml
            """,
            CancellationToken.None, ("@friendly_name", friendlyName), ("@xml", element.ToString(SaveOptions.DisableFormatting)));
    }
}
