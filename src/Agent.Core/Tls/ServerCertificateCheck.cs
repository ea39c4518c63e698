using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Agent.Core.Connectivity;

namespace Agent.Core.Tls;

/// <summary>
/// The certificate check the agent installs on every TLS connection it makes: the system's verdict, widened by the
/// operator's <see cref="ExtraTrust"/> when one is configured. A refusal throws <see cref="CertificateRejectedException"/>
/// rather than returning false: SslStream lets a callback's exception through unchanged (as the inner exception of
/// HttpClient's "SSL connection could not be established"), so the policy errors and the chain status of this very
/// handshake reach the message an operator reads. Returning false would leave only "rejected by the callback".
/// </summary>
internal static class ServerCertificateCheck
{
    /// <param name="trust">The operator's extra trust, or null to use the system's alone.</param>
    /// <param name="trustSetting">The environment variable that configures <paramref name="trust"/>, named in the refusal.</param>
    public static RemoteCertificateValidationCallback Create(ExtraTrust? trust, string trustSetting) =>
        (sender, certificate, chain, errors) =>
            errors == SslPolicyErrors.None || trust?.Validate(certificate, chain, errors) == true
                ? true
                : throw new CertificateRejectedException(
                    errors, Status(chain), trustSetting, trust is not null, (sender as SslStream)?.TargetHostName, NameOf(certificate));

    private static X509ChainStatusFlags Status(X509Chain? chain) =>
        chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (flags, status) => flags | status.Status) ?? X509ChainStatusFlags.NoError;

    /// <summary>The first DNS name (or the common name) the certificate is for, to show against the host dialled.</summary>
    private static string? NameOf(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return null;
        }

        using var full = new X509Certificate2(certificate);
        var name = full.GetNameInfo(X509NameType.DnsName, forIssuer: false);
        return string.IsNullOrEmpty(name) ? null : name;
    }
}
