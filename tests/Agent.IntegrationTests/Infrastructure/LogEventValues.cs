using Serilog.Events;

namespace Agent.IntegrationTests.Infrastructure;

/// <summary>Reads what the agent's <c>[LoggerMessage]</c> events carry once Serilog has captured them.</summary>
internal static class LogEventValues
{
    /// <summary>The event id, which Serilog keeps as the structure <c>EventId { Id, Name }</c>.</summary>
    public static int? EventId(this LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("EventId", out var value)
        && value is StructureValue structure
        && structure.Properties.FirstOrDefault(property => property.Name == "Id")?.Value is ScalarValue { Value: int id }
            ? id
            : null;

    /// <summary>A scalar property's value (null when absent or null).</summary>
    public static object? Scalar(this LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar ? scalar.Value : null;
}
