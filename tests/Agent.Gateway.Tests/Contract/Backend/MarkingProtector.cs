using System.Text;
using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>A reversible stand-in for Data Protection: base64 behind a marker, so a test can tell stored text was protected.</summary>
internal sealed class MarkingProtector : IPayloadProtector
{
    public const string Marker = "protected:";

    public string Protect(string payloadJson) => Marker + Convert.ToBase64String(Encoding.UTF8.GetBytes(payloadJson));

    public string Unprotect(string protectedPayload) =>
        protectedPayload.StartsWith(Marker, StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(protectedPayload[Marker.Length..]))
            : throw new InvalidOperationException("not protected by this protector");
}
