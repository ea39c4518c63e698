using System.Reflection;
using System.Text.Json;
using Agent.Core.Protocol;

namespace Agent.IntegrationTests.Protocol;

/// <summary>The schema files are valid draft 2020-12 schemas, one per message type, each named after its type.</summary>
public sealed class SchemaFileTests
{
    public static TheoryData<string> SchemaFileNames() => [.. ProtocolSchemas.SchemaFiles.Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void SchemaFile_Each_IsValidDraft202012SchemaForItsType(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProtocolSchemas.Directory, fileName)));
        var schema = document.RootElement;
        var type = fileName[..^ProtocolSchemas.Suffix.Length];

        Assert.Empty(ProtocolSchemas.ValidateAgainstMetaSchema(schema));
        Assert.Equal(ProtocolSchemas.Draft202012, schema.GetProperty("$schema").GetString());
        Assert.Equal(ProtocolSchemas.IdBase + fileName, schema.GetProperty("$id").GetString());
        Assert.Equal(type, schema.GetProperty("properties").GetProperty("type").GetProperty("const").GetString());
        Assert.Equal(["type", "id", "ts", "payload"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Take(4));
    }

    [Fact]
    public void SchemaFiles_MessageTypes_EveryTypeOfProtocolV1HasExactlyOneSchema()
    {
        var protocolTypes = typeof(MessageTypes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(protocolTypes, ProtocolSchemas.Types.Order(StringComparer.Ordinal));
    }
}
