using Microsoft.Extensions.Options;

namespace Agent.Tests.Sandbox.Argo;

public class ArgoEmulatorOptionsTests
{
    [Theory]
    [InlineData("Sandbox:Argo:DefaultOutcome", "Exploded")]
    [InlineData("Sandbox:Argo:PendingSeconds", "-1")]
    [InlineData("Sandbox:Argo:EventRetention", "0")]
    public async Task Start_InvalidOption_FailsValidation(string key, string value)
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() => ArgoSandbox.StartAsync(new() { [key] = value }));
    }
}
