namespace Agent.Core.Argo;

/// <summary>Takes one log line's content (UTF-8, unescaped, without its newline); returns false to stop reading.</summary>
public delegate bool LogLineSink(ReadOnlySpan<byte> content);
