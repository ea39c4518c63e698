using Agent.Core.Executors.Argo;

namespace Agent.Tests.Argo;

/// <summary>A set ARGO_TOKEN_FILE must name a readable file at start; unset, the automounted token is only tried.</summary>
public sealed class ArgoTokenFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("argo-token-").FullName;

    [Fact]
    public void Validate_TokenFileUnset_SucceedsWithoutAnAutomountedToken()
    {
        var options = Options(tokenFile: null);

        var result = new ArgoOptionsRules().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(ArgoOptions.ServiceAccountTokenPath, options.EffectiveTokenFile);
    }

    [Fact]
    public void Validate_TokenFileMissing_FailsNamingTheVariableAndThePath()
    {
        var path = Path.Combine(_directory, "token");

        var result = new ArgoOptionsRules().Validate(null, Options(path));

        var failure = Assert.Single(result.Failures ?? []);
        Assert.StartsWith($"ARGO_TOKEN_FILE names a file that does not exist: '{path}'", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void Validate_TokenFileIsADirectory_FailsAsNotAFile()
    {
        var result = new ArgoOptionsRules().Validate(null, Options(_directory));

        Assert.Contains(result.Failures ?? [], failure => failure.StartsWith($"ARGO_TOKEN_FILE names a file that does not exist: '{_directory}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TokenFileReadable_SucceedsAndIsTheFileRead()
    {
        var path = Path.Combine(_directory, "token");
        File.WriteAllText(path, "projected-token\n");
        var options = Options(path);

        var result = new ArgoOptionsRules().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(path, options.EffectiveTokenFile);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ArgoOptions Options(string? tokenFile) => new() { Endpoint = "https://argo-server.argo.svc:2746", TokenFile = tokenFile };
}
