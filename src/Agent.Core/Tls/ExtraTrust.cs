using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Agent.Core.Tls;

/// <summary>
/// Certificates an operator adds to what the system trusts: a corporate proxy's CA for the control plane, or the
/// Argo Server's self-signed certificate. A certificate in the file is trusted as presented (pinned); anything else
/// must chain to one of them, through the intermediates the server sent, and still match the host name. Either way
/// a leaf that lists its usages must list TLS server authentication. The file is re-read when it changes
/// (<see cref="TrustBundle"/>), so a rotated CA is trusted without a restart.
/// </summary>
internal sealed class ExtraTrust
{
    /// <summary>id-kp-serverAuth (RFC 5280 §4.2.1.12).</summary>
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    private readonly TrustBundle _bundle;

    private ExtraTrust(TrustBundle bundle) => _bundle = bundle;

    /// <summary>Loads every certificate of a PEM bundle, or a single DER certificate, and follows the file from then on.</summary>
    public static ExtraTrust FromFile(string path) => new(TrustBundle.Load(path));

    /// <summary>
    /// A <see cref="RemoteCertificateValidationCallback"/>: <paramref name="presentedChain"/> is the chain the TLS
    /// stack built, whose extra store holds the certificates the server sent after its leaf.
    /// </summary>
    public bool Validate(X509Certificate? presented, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var leaf = new X509Certificate2(presented);
        if (!AllowsServerAuthentication(leaf))
        {
            return false;
        }

        var anchors = _bundle.Current();
        if (anchors.Any(anchor => anchor.Thumbprint == leaf.Thumbprint))
        {
            return true;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
        if (presentedChain is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presentedChain.ChainPolicy.ExtraStore);
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ServerAuthentication));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
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
            TrustBundle.Load(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or InvalidDataException)
        {
            return $"{variable} must name a readable PEM or DER certificate file ('{path}': {ex.Message})";
        }
    }

    /// <summary>No extended key usage extension means any usage (RFC 5280 §4.2.1.12); otherwise serverAuth must be listed.</summary>
    private static bool AllowsServerAuthentication(X509Certificate2 leaf) =>
        leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is not { } usages
        || usages.EnhancedKeyUsages.Cast<Oid>().Any(usage => usage.Value == ServerAuthentication);
}
