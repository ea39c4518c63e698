namespace Agent.Web.Admin;

/// <summary>One operator variable: its name, where it lands, and its value (<c>***</c> for secrets; null when unset).</summary>
internal sealed record ConfigurationEntry(string Variable, string Key, string? Value, bool IsSecret);
