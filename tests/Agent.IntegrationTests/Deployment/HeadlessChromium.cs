namespace Agent.IntegrationTests.Deployment;

/// <summary>Debian's Chromium, headless: loads a page, lets its scripts run, and returns the rendered DOM.</summary>
internal static class HeadlessChromium
{
    /// <summary>Virtual time the page's scripts get before the DOM is dumped (fetches included).</summary>
    private const int VirtualTimeBudgetMilliseconds = 10_000;

    public static async Task<string> DumpDomAsync(Uri url, CancellationToken cancellationToken)
    {
        var chromium = ExternalTool.Require("chromium", "chromium");
        var profile = Directory.CreateTempSubdirectory("hybrid-agent-chromium-");
        try
        {
            var result = await ExternalTool.RunAsync(
                chromium,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    $"--user-data-dir={profile.FullName}", $"--virtual-time-budget={VirtualTimeBudgetMilliseconds}",
                    "--dump-dom", url.ToString(),
                ],
                input: null,
                new Dictionary<string, string> { ["HOME"] = profile.FullName },
                cancellationToken);
            Assert.True(result.ExitCode == 0, $"chromium exited {result.ExitCode}: {result.StandardError}");
            return result.StandardOutput;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
