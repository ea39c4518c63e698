using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Agent.Core.Files;

namespace Agent.Core.Tls;

/// <summary>
/// The certificates of a PEM bundle (or one DER certificate) on disk, re-read when the file changes: cert-manager
/// rotates CA bundles in place, and a mounted Secret or ConfigMap is updated by swapping a symlink. The file is looked
/// at when a certificate is checked, i.e. once per TLS handshake; its size and last-write time (of the symlink's
/// target) say whether to read it again. A file that cannot be read or holds no certificate is ignored and the last
/// good certificates stay in use, so a half-written update never leaves the agent trusting nothing.
/// </summary>
internal sealed class TrustBundle
{
    private readonly string _path;
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, long Length) _stamp;
    private X509Certificate2Collection _certificates;

    private TrustBundle(string path, (DateTime, long) stamp, X509Certificate2Collection certificates)
    {
        _path = path;
        _stamp = stamp;
        _certificates = certificates;
    }

    /// <summary>Reads the file now; throws when it cannot serve as a trust source.</summary>
    public static TrustBundle Load(string path)
    {
        var stamp = MountedFileStamp.Of(path);
        return new TrustBundle(path, stamp, Read(path));
    }

    /// <summary>The certificates as of the file's current content.</summary>
    public X509Certificate2Collection Current()
    {
        lock (_gate)
        {
            try
            {
                var stamp = MountedFileStamp.Of(_path);
                if (stamp != _stamp)
                {
                    _certificates = Read(_path);
                    _stamp = stamp;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or InvalidDataException)
            {
                // Keep the last good bundle; the next handshake looks again.
            }

            return _certificates;
        }
    }

    private static X509Certificate2Collection Read(string path)
    {
        var certificates = new X509Certificate2Collection();
        if (File.ReadAllText(path).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            certificates.ImportFromPemFile(path);
        }
        else
        {
            certificates.Add(X509CertificateLoader.LoadCertificateFromFile(path));
        }

        return certificates.Count > 0 ? certificates : throw new InvalidDataException($"'{path}' holds no certificate");
    }
}
