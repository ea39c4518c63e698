using Agent.Core.Executors.Argo;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Argo;

/// <summary>
/// A projected service-account token mounted as the kubelet lays it out: <c>token -> ..data/token</c>, where
/// <c>..data</c> is a symlink the kubelet swaps to a new directory when it rotates the token.
/// </summary>
public sealed class ArgoTokenProviderTests : IDisposable
{
    private static readonly Uri Argo = new("https://argo-server.argo.svc:2746");
    private readonly string _volume = Directory.CreateTempSubdirectory("argo-token-volume-").FullName;

    [Fact]
    public async Task GetToken_KubeletSwapsDataSymlink_ReturnsTheRotatedToken()
    {
        WriteGeneration("..2026_01_01_00_00_00.1", "first-token", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        WriteGeneration("..2026_01_01_00_48_00.2", "second-token", new DateTime(2026, 1, 1, 0, 48, 0, DateTimeKind.Utc));
        File.CreateSymbolicLink(Path.Combine(_volume, "..data"), "..2026_01_01_00_00_00.1");
        File.CreateSymbolicLink(Path.Combine(_volume, "token"), "..data/token");
        var provider = new ArgoTokenProvider(Options.Create(new ArgoOptions { TokenFile = Path.Combine(_volume, "token") }));
        var before = await provider.GetAuthorizationTokenAsync(Argo);

        // The kubelet points ..data at the new generation (atomically, by a rename); "token" itself is untouched.
        Directory.Delete(Path.Combine(_volume, "..data"));
        File.CreateSymbolicLink(Path.Combine(_volume, "..data"), "..2026_01_01_00_48_00.2");
        var after = await provider.GetAuthorizationTokenAsync(Argo);

        Assert.Equal("first-token", before);
        Assert.Equal("second-token", after);
    }

    [Fact]
    public async Task GetToken_ArgoTokenSet_WinsOverTheFile()
    {
        var file = Path.Combine(_volume, "token");
        await File.WriteAllTextAsync(file, "file-token");
        var provider = new ArgoTokenProvider(Options.Create(new ArgoOptions { Token = " env-token ", TokenFile = file }));

        Assert.Equal("env-token", await provider.GetAuthorizationTokenAsync(Argo));
    }

    public void Dispose() => Directory.Delete(_volume, recursive: true);

    private void WriteGeneration(string directory, string token, DateTime writtenAt)
    {
        var path = Path.Combine(_volume, directory, "token");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, token + "\n");
        File.SetLastWriteTimeUtc(path, writtenAt);
    }
}
