namespace Agent.Core.Protocol.Messages;

/// <summary>The <c>pipelineState</c> values OpenMetadata understands.</summary>
internal static class PipelineStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Success = "success";
    public const string Failed = "failed";
    public const string PartialSuccess = "partialSuccess";
    public const string Stopped = "stopped";

    public static bool IsTerminal(string state) => state is Success or Failed or PartialSuccess or Stopped;
}
