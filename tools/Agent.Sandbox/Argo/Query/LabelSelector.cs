namespace Agent.Sandbox.Argo.Query;

/// <summary>A parsed k8s label selector: every requirement must hold (comma means AND).</summary>
internal sealed class LabelSelector
{
    public static readonly LabelSelector Everything = new([]);

    public LabelSelector(IReadOnlyList<LabelRequirement> requirements) => Requirements = requirements;

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>Parses the full k8s syntax; throws an InvalidArgument <c>ArgoApiException</c> when malformed.</summary>
    public static LabelSelector Parse(string? selector) =>
        string.IsNullOrWhiteSpace(selector) ? Everything : new LabelSelector(new LabelSelectorParser(selector).Parse());

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));
}
