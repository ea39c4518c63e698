using Microsoft.AspNetCore.DataProtection;

namespace Agent.Gateway.Store.Protection;

/// <summary>Deploy payloads and built configs (they hold the ingestion bot's token) encrypted with Data Protection.</summary>
internal sealed class PayloadProtector(IDataProtectionProvider provider) : IPayloadProtector
{
    /// <summary>Changing it makes every stored payload unreadable: bump the version only with a re-deploy of all pipelines.</summary>
    public const string Purpose = "Agent.Gateway.DeployPayload.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string payloadJson) => _protector.Protect(payloadJson);

    public string Unprotect(string protectedPayload) => _protector.Unprotect(protectedPayload);
}
