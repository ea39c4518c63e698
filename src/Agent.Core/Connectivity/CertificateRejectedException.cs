using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Agent.Core.Connectivity;

/// <summary>
/// The agent's certificate check refused a server, and why: thrown from the validation callback
/// (<see cref="Tls.ServerCertificateCheck"/>) so the reason travels up the exception chain to whoever reports the failure,
/// instead of the TLS stack's bare "rejected by the provided RemoteCertificateValidationCallback". It is an
/// <see cref="AuthenticationException"/>, so code that handles TLS failures handles it too.
/// </summary>
internal sealed class CertificateRejectedException : AuthenticationException
{
    public CertificateRejectedException(
        SslPolicyErrors policyErrors, X509ChainStatusFlags chainStatus, string trustSetting, bool trustSettingUsed, string? targetHost, string? certificateName)
        : base(FailureCause.DescribeCertificate(policyErrors, chainStatus, trustSetting, trustSettingUsed, targetHost, certificateName))
    {
        PolicyErrors = policyErrors;
        ChainStatus = chainStatus;
        TrustSetting = trustSetting;
    }

    public CertificateRejectedException()
    {
        TrustSetting = string.Empty;
    }

    public CertificateRejectedException(string message)
        : base(message)
    {
        TrustSetting = string.Empty;
    }

    public CertificateRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        TrustSetting = string.Empty;
    }

    public SslPolicyErrors PolicyErrors { get; }

    /// <summary>What the system's chain build found, e.g. UntrustedRoot or NotTimeValid.</summary>
    public X509ChainStatusFlags ChainStatus { get; }

    /// <summary>The environment variable that adds trust for this server, e.g. SERVER_CA_BUNDLE_PATH.</summary>
    public string TrustSetting { get; }
}
