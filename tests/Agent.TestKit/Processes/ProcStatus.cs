using System.Globalization;

namespace Agent.TestKit.Processes;

/// <summary>Memory figures of a Linux process from <c>/proc/&lt;pid&gt;/status</c>.</summary>
internal static class ProcStatus
{
    /// <summary>The field (e.g. <c>VmRSS:</c>, given in kB) in MB; NaN when the kernel does not report it.</summary>
    public static double ReadMb(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status")
            .FirstOrDefault(candidate => candidate.StartsWith(field, StringComparison.Ordinal));
        return line is null
            ? double.NaN
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
