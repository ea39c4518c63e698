using System.Diagnostics;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// Runs a Debian-packaged tool (promtool, prometheus, chromium). A missing tool fails the test with the package to
/// install: the README's test command (scripts/test.sh) installs them first, so a run through it always has them.
/// </summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static string Require(string binary, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, binary))
            .FirstOrDefault(File.Exists);
        Assert.True(found is not null, $"'{binary}' is not installed: run `apt-get install -y {package}` (or run the tests through scripts/test.sh, which installs it)");
        return found!;
    }

    /// <summary>Runs to exit with <paramref name="input"/> on stdin; kills the process tree when the token fires.</summary>
    public static async Task<Result> RunAsync(
        string path, IEnumerable<string> arguments, string? input, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        using var process = Start(path, arguments, environment, redirectInput: input is not null);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Process Start(string path, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(path, arguments)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
    }
}
