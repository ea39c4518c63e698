using Microsoft.Extensions.Logging;

namespace Agent.Core.Executors;

/// <summary>
/// The circuit breaker's lines for one executor API. Defined at run time rather than with <c>[LoggerMessage]</c>
/// because the API's name is part of the text ("Argo Server calls paused …", "Kubernetes API calls paused …") and the
/// event ids differ per API; the templates and event names are those the Argo path always logged.
/// </summary>
internal sealed class ExecutorResilienceLog(ExecutorApi api)
{
    public Action<ILogger, double, string, Exception?> Paused { get; } = LoggerMessage.Define<double, string>(
        LogLevel.Warning, new EventId(api.EventIds.Paused, nameof(Paused)),
        api.DisplayName + " calls paused for {BreakSeconds:0.#} s after repeated failures; last: {Cause}");

    public Action<ILogger, double, string, Exception?> StillPaused { get; } = LoggerMessage.Define<double, string>(
        LogLevel.Debug, new EventId(api.EventIds.StillPaused, nameof(StillPaused)),
        api.DisplayName + " calls stay paused for {BreakSeconds:0.#} s: the trial call failed: {Cause}");

    public Action<ILogger, Exception?> Resumed { get; } = LoggerMessage.Define(
        LogLevel.Information, new EventId(api.EventIds.Resumed, nameof(Resumed)), api.DisplayName + " calls resumed");
}
