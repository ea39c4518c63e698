namespace Agent.Gateway.Routing;

/// <summary>The agents file cannot be used; the message names the file, the entry and what is wrong.</summary>
internal sealed class AgentsFileException(string message, Exception? inner = null) : Exception(message, inner);
