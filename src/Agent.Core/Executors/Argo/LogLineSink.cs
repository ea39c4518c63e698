namespace Agent.Core.Executors.Argo;

/// <summary>Takes one log line's content (UTF-8, unescaped, without its newline); returns false to stop reading.</summary>
internal delegate bool LogLineSink(ReadOnlySpan<byte> content);
