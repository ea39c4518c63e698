namespace Agent.Sandbox.Argo.Image;

/// <summary>
/// How an emulated program behaves: what it prints once started, what it prints as it ends, and its exit code.
/// <see cref="PodError"/> models a failure outside the container (the pod never ran it), which Argo reports as node Error.
/// </summary>
internal sealed record ProgramRun(IReadOnlyList<string> StartLines, IReadOnlyList<string> EndLines, int ExitCode, bool PodError = false)
{
    public bool Succeeded => ExitCode == 0 && !PodError;

    public static ProgramRun Exited(IReadOnlyList<string> startLines, int exitCode, params string[] endLines) =>
        new(startLines, endLines, exitCode);
}
