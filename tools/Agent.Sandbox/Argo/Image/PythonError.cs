namespace Agent.Sandbox.Argo.Image;

/// <summary>A Python exception escaping a script: the interpreter prints the traceback and exits 1.</summary>
internal sealed class PythonError(string type, string message) : Exception($"{type}: {message}")
{
    public string Type { get; } = type;

    public string Detail { get; } = message;

    /// <summary>The last lines of an uncaught exception's traceback, as the container log shows them.</summary>
    public IReadOnlyList<string> Traceback(string script) =>
    [
        "Traceback (most recent call last):",
        $"  File \"/ingestion/operators/docker/{script}\", line 1, in <module>",
        .. $"{Type}: {Detail}".Split('\n'),
    ];

    public static PythonError Validation(string model, string field, string problem) =>
        new("pydantic_core._pydantic_core.ValidationError", $"1 validation error for {model}\n{field}\n  {problem}");
}
