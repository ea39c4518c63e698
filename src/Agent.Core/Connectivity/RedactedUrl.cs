namespace Agent.Core.Connectivity;

/// <summary>A server URL fit to log and show: without user info or query, either of which could carry credentials.</summary>
internal static class RedactedUrl
{
    public static string Of(Uri uri) =>
        new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty }.Uri.ToString();

    /// <summary>The same for a configured string; one that is not an absolute URL is shown as a placeholder, never as is.</summary>
    public static string Of(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Of(uri) : "(invalid URL)";
}
