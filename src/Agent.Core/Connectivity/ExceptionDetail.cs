using Microsoft.Extensions.Logging;

namespace Agent.Core.Connectivity;

/// <summary>
/// Failures the agent expects (a server down, a certificate refused) log one line naming the cause; the stack trace
/// says nothing new to an operator and, with retries, floods the log (issue 13: 682 lines in 60 s while Argo was
/// down). It is attached only when the category logs at Debug, where someone is looking at the agent itself.
/// </summary>
internal static class ExceptionDetail
{
    public static Exception? AtDebug(ILogger logger, Exception exception) => logger.IsEnabled(LogLevel.Debug) ? exception : null;
}
