using System.Globalization;

namespace Agent.Sandbox.Argo.Json;

/// <summary>Kubernetes <c>metav1.Time</c> format: UTC, second precision, <c>Z</c> suffix.</summary>
internal static class Rfc3339
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
