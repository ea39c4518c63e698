namespace Agent.Gateway.Hosting;

/// <summary>
/// Event ids of the gateway's <c>[LoggerMessage]</c> lines, one range per folder so slices never collide:
/// Hosting 5000-5099, Agents 5100-5199, Airflow 5200-5299, Store 5300-5399, Routing/Configs 5400-5499.
/// </summary>
internal static class GatewayEventIds
{
    public const int AdminKeyRefused = 5000;
    public const int ReadinessProbeFailed = 5001;

    public const int SessionRefused = 5100;
    public const int SessionWelcomed = 5101;
    public const int SessionEnded = 5102;
    public const int BadFrame = 5103;
    public const int AgentError = 5104;
    public const int UnexpectedMessage = 5105;
    public const int ResultWithoutRequest = 5106;
    public const int WelcomedHandlerFailed = 5107;
    public const int SessionFailed = 5108;
    public const int RequestTimedOut = 5109;
}
