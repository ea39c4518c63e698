using System.Text;

namespace Agent.Sandbox.Argo.Kubelet;

/// <summary>
/// Linux's limits on <c>execve</c> arguments (FIDELITY §5.5; linux include/uapi/linux/binfmts.h MAX_ARG_STRLEN and
/// fs/exec.c bprm_stack_limits). Each argv or envp string, counted with its NUL, may be at most 131072 bytes (32 pages
/// of 4 KiB), so <c>NAME=value</c> may be 131071 bytes; all strings plus one 8-byte pointer each may take at most 2 MiB
/// (a quarter of the usual 8 MiB stack).
/// </summary>
internal static class ExecLimits
{
    public const int MaxArgStrlen = 4096 * 32;
    public const long MaxTotalBytes = 2 * 1024 * 1024;
    private const int PointerBytes = 8;

    /// <summary>Why exec would fail with E2BIG, or null when it would not.</summary>
    public static string? Check(IReadOnlyList<string> arguments, IReadOnlyList<KeyValuePair<string, string>> environment)
    {
        long total = 0;
        foreach (var text in arguments.Concat(environment.Select(pair => $"{pair.Key}={pair.Value}")))
        {
            var bytes = Encoding.UTF8.GetByteCount(text) + 1;
            if (bytes > MaxArgStrlen)
            {
                return $"a string of {bytes} bytes (with its NUL) exceeds MAX_ARG_STRLEN {MaxArgStrlen}";
            }

            total += bytes + PointerBytes;
        }

        return total > MaxTotalBytes ? $"arguments and environment take {total} bytes, over {MaxTotalBytes}" : null;
    }
}
