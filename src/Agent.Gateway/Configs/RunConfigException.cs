namespace Agent.Gateway.Configs;

/// <summary>
/// The deploy payload cannot be turned into a run config (a missing bot connection, a pipeline type the builder does
/// not implement, a service OpenMetadata would not give). The message is safe to return to OpenMetadata: it never
/// carries a token or a payload.
/// </summary>
internal sealed class RunConfigException(string message, Exception? inner = null) : Exception(message, inner);
