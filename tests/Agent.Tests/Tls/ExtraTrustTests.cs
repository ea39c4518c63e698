using Agent.Core.Tls;

namespace Agent.Tests.Tls;

/// <summary>
/// <see cref="ExtraTrust"/> in real handshakes: chains through the intermediates the server sends, requires the
/// server-auth usage, and follows the bundle file when cert-manager rotates it.
/// </summary>
public sealed class ExtraTrustTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("extra-trust-").FullName;

    [Fact]
    public async Task Validate_ServerSendsIntermediate_ChainsToTheBundleRoot()
    {
        using var root = TestCertificates.Root("Corp Root A");
        using var intermediate = TestCertificates.Intermediate(root, "Corp Issuing CA");
        using var leaf = TestCertificates.Leaf(intermediate, TestCertificates.ServerAuth);
        var trust = ExtraTrust.FromFile(WriteBundle("bundle.pem", root));

        Assert.True(await TlsHandshake.ClientAcceptsAsync(trust, leaf, intermediate));
    }

    [Fact]
    public async Task Validate_IntermediateNeitherSentNorInBundle_Refused()
    {
        using var root = TestCertificates.Root("Corp Root A");
        using var intermediate = TestCertificates.Intermediate(root, "Corp Issuing CA");
        using var leaf = TestCertificates.Leaf(intermediate, TestCertificates.ServerAuth);
        var trust = ExtraTrust.FromFile(WriteBundle("bundle.pem", root));

        Assert.False(await TlsHandshake.ClientAcceptsAsync(trust, leaf));
    }

    [Fact]
    public async Task Validate_LeafForClientAuthOnly_Refused()
    {
        using var root = TestCertificates.Root("Corp Root A");
        using var leaf = TestCertificates.Leaf(root, TestCertificates.ClientAuth);
        var trust = ExtraTrust.FromFile(WriteBundle("bundle.pem", root));

        Assert.False(await TlsHandshake.ClientAcceptsAsync(trust, leaf));
    }

    [Fact]
    public async Task Validate_LeafWithoutUsageExtensionOrWithServerAuth_Accepted()
    {
        using var root = TestCertificates.Root("Corp Root A");
        using var unrestricted = TestCertificates.Leaf(root, null);
        using var both = TestCertificates.Leaf(root, TestCertificates.ClientAuth, TestCertificates.ServerAuth);
        var trust = ExtraTrust.FromFile(WriteBundle("bundle.pem", root));

        Assert.True(await TlsHandshake.ClientAcceptsAsync(trust, unrestricted));
        Assert.True(await TlsHandshake.ClientAcceptsAsync(trust, both));
    }

    [Fact]
    public async Task Validate_BundleFileReplaced_NewCaTrustedWithoutRestart()
    {
        using var oldRoot = TestCertificates.Root("Corp Root A");
        using var newRoot = TestCertificates.Root("Corp Root B (rotated)");
        using var leaf = TestCertificates.Leaf(newRoot, TestCertificates.ServerAuth);
        var path = WriteBundle("bundle.pem", oldRoot);
        var trust = ExtraTrust.FromFile(path);
        var before = await TlsHandshake.ClientAcceptsAsync(trust, leaf);

        File.WriteAllText(path, TestCertificates.Pem(newRoot));

        Assert.False(before);
        Assert.True(await TlsHandshake.ClientAcceptsAsync(trust, leaf));
    }

    [Fact]
    public async Task Validate_SecretVolumeSymlinkSwapped_NewCaTrusted()
    {
        // How the kubelet updates a mounted Secret: ca.crt -> ..data/ca.crt, and ..data is swapped to a new directory.
        using var oldRoot = TestCertificates.Root("Corp Root A");
        using var newRoot = TestCertificates.Root("Corp Root B (rotated)");
        using var leaf = TestCertificates.Leaf(newRoot, TestCertificates.ServerAuth);
        WriteBundle("..2026_01_01/ca.crt", oldRoot);
        WriteBundle("..2026_02_01/ca.crt", newRoot);
        var data = Path.Combine(_directory, "..data");
        Directory.CreateSymbolicLink(data, "..2026_01_01");
        var path = Path.Combine(_directory, "ca.crt");
        File.CreateSymbolicLink(path, Path.Combine("..data", "ca.crt"));
        var trust = ExtraTrust.FromFile(path);
        var before = await TlsHandshake.ClientAcceptsAsync(trust, leaf);

        Directory.Delete(data);
        Directory.CreateSymbolicLink(data, "..2026_02_01");

        Assert.False(before);
        Assert.True(await TlsHandshake.ClientAcceptsAsync(trust, leaf));
    }

    [Fact]
    public async Task Validate_BundleReplacedWithGarbage_KeepsTheLastGoodBundle()
    {
        using var root = TestCertificates.Root("Corp Root A");
        using var leaf = TestCertificates.Leaf(root, TestCertificates.ServerAuth);
        var path = WriteBundle("bundle.pem", root);
        var trust = ExtraTrust.FromFile(path);

        File.WriteAllText(path, "-----BEGIN CERTIFICATE-----\nhalf-written\n");

        Assert.True(await TlsHandshake.ClientAcceptsAsync(trust, leaf));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteBundle(string relativePath, params System.Security.Cryptography.X509Certificates.X509Certificate2[] certificates)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, TestCertificates.Pem(certificates));
        return path;
    }
}
