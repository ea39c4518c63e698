using System.Diagnostics;

namespace Agent.Gateway.Tests.Hosting;

/// <summary>Program.cs as an operator runs it: <c>dotnet Agent.Gateway.dll</c>, its exit code and its one line.</summary>
public sealed class GatewayProcessTests
{
    private static string GatewayDll => Path.Combine(AppContext.BaseDirectory, "Agent.Gateway.dll");

    [Fact]
    public async Task BadSetting_ExitsWithCode2_AndOneLineNamingTheVariable()
    {
        var (exit, output) = await RunAsync([], input: null, new Dictionary<string, string>
        {
            ["GATEWAY_PORT"] = "http",
            ["GATEWAY_HOST"] = "127.0.0.1",
            ["GATEWAY_METRICS_PORT"] = "0",
            ["GATEWAY_ADMIN_PORT"] = "0",
            ["AIRFLOW_USERNAME"] = "admin",
            ["AIRFLOW_PASSWORD"] = "admin-password",
            ["GATEWAY_AGENTS_FILE"] = "/nonexistent/agents.yaml",
        });

        Assert.Equal(2, exit);
        Assert.Contains("GATEWAY_PORT must be a whole number", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashToken_ReadsStdin_AndPrintsTheHash()
    {
        var (exit, output) = await RunAsync(["hash-token"], input: "foo\n", new Dictionary<string, string>());

        Assert.Equal(0, exit);
        Assert.Equal("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", output.Trim());
    }

    private static async Task<(int Exit, string Output)> RunAsync(string[] args, string? input, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(GatewayDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("GATEWAY_", StringComparison.Ordinal) || name.StartsWith("AIRFLOW_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TestTimeouts.Default);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
