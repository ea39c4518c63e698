using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace Agent.IntegrationTests.Infrastructure;

/// <summary>Keeps every log event the agent writes, rendered as it would be printed, exception included.</summary>
internal sealed class CapturingSink : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The same events, structured, for assertions on their level, event id and properties.</summary>
    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent)
    {
        _events.Enqueue(logEvent);
        var properties = string.Join(' ', logEvent.Properties.Select(property => $"{property.Key}={property.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage(CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}");
    }
}
