namespace Agent.Core.Ingestion;

/// <summary>
/// An image reference split where the registry splits it: <c>name[:tag][@digest]</c>. The tag is the text after the
/// last <c>:</c> that follows the last <c>/</c>, so a registry port (<c>registry:5000/ingestion</c>) is never a tag.
/// </summary>
internal readonly record struct ImageReference(string Name, string? Tag, string? Digest)
{
    public static ImageReference Parse(string image)
    {
        var reference = image.Trim();
        string? digest = null;
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = reference[(at + 1)..];
            reference = reference[..at];
        }

        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/')
            ? new ImageReference(reference[..colon], NonEmpty(reference[(colon + 1)..]), digest)
            : new ImageReference(reference, null, digest);
    }

    public ImageReference WithTag(string tag) => this with { Tag = tag };

    public override string ToString() => Name + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;
}
