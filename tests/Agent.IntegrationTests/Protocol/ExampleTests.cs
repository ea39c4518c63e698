using System.Text.Json;
using System.Text.RegularExpressions;

namespace Agent.IntegrationTests.Protocol;

/// <summary>Every example message, in <c>docs/schemas/examples</c> and in <c>docs/protocol.md</c>, validates against its schema.</summary>
public sealed partial class ExampleTests
{
    private static string ProtocolPage => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "protocol.md"));

    public static TheoryData<string> ExampleFileNames() => [.. ExampleTexts().Select(example => example.FileName)];

    [Theory]
    [MemberData(nameof(ExampleFileNames))]
    public void ExampleFile_Each_ValidatesAgainstTheSchemaOfItsType(string fileName)
    {
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProtocolSchemas.ExamplesDirectory, fileName)));

        Assert.Empty(ProtocolSchemas.Validate(example.RootElement));
    }

    [Fact]
    public void ExampleFiles_EverySchema_HasAnExample()
    {
        var covered = ExampleTexts().Select(example => TypeOf(example.Json));

        Assert.Empty(ProtocolSchemas.Types.Except(covered));
    }

    [Fact]
    public void ProtocolPage_EveryJsonMessage_ValidatesAgainstTheSchemaOfItsType()
    {
        var messages = JsonBlocks(ProtocolPage).Where(block => TypeOf(block) is not null).ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, block =>
        {
            using var message = JsonDocument.Parse(block);
            Assert.Empty(ProtocolSchemas.Validate(message.RootElement));
        });
    }

    [Fact]
    public void ProtocolPage_EverySchema_HasAnExampleMessage()
    {
        var covered = JsonBlocks(ProtocolPage).Select(TypeOf);

        Assert.Empty(ProtocolSchemas.Types.Except(covered));
    }

    [Fact]
    public void ProtocolPage_EveryExampleFile_IsShownOnThePage()
    {
        var shown = JsonBlocks(ProtocolPage).Select(Canonical).ToHashSet(StringComparer.Ordinal);

        Assert.All(ExampleTexts(), example => Assert.True(shown.Contains(Canonical(example.Json)), $"{example.FileName} is not on the page"));
    }

    private static IEnumerable<(string FileName, string Json)> ExampleTexts() =>
        Directory.EnumerateFiles(ProtocolSchemas.ExamplesDirectory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));

    private static IEnumerable<string> JsonBlocks(string markdown) =>
        JsonFence().Matches(markdown).Select(match => match.Groups["json"].Value);

    private static string? TypeOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var type)
            ? type.GetString()
            : null;
    }

    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }

    [GeneratedRegex(@"^```json\n(?<json>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonFence();
}
