using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Agent.Core.Tls;

/// <summary>
/// Certificates an operator adds to what the system trusts: a corporate proxy's CA for the control plane, or the
/// Argo Server's self-signed certificate. A certificate in the file is trusted as presented (pinned); anything
/// else must chain to one of them and still match the host name.
/// </summary>
public sealed class ExtraTrust
{
    private readonly X509Certificate2Collection _anchors;

    private ExtraTrust(X509Certificate2Collection anchors) => _anchors = anchors;

    /// <summary>Loads every certificate of a PEM bundle, or a single DER certificate.</summary>
    public static ExtraTrust FromFile(string path)
    {
        var anchors = new X509Certificate2Collection();
        if (File.ReadAllText(path).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            anchors.ImportFromPemFile(path);
        }
        else
        {
            anchors.Add(X509CertificateLoader.LoadCertificateFromFile(path));
        }

        return anchors.Count > 0 ? new ExtraTrust(anchors) : throw new InvalidDataException($"'{path}' holds no certificate");
    }

    public bool Validate(X509Certificate? presented, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var certificate = new X509Certificate2(presented);
        if (_anchors.Any(anchor => anchor.Thumbprint == certificate.Thumbprint))
        {
            return true;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_anchors);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <summary>Why the file cannot serve as a trust source, or null when it can.</summary>
    public static string? Problem(string variable, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            FromFile(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or InvalidDataException)
        {
            return $"{variable} must name a readable PEM or DER certificate file ('{path}': {ex.Message})";
        }
    }
}
