namespace Agent.Core.Execution;

/// <summary>
/// What the executor does to the user text a run carries, so the handlers refuse only what this executor would
/// mangle. Argo replaces <c>{{…}}</c> tags inside env values and has no escape for them; plain Kubernetes Jobs take the
/// config and the FQN from a Secret by <c>secretKeyRef</c>, which no one expands (research-16 §3.3), so a dbt config's
/// Jinja <c>{{ ref('x') }}</c> must reach the pod as written there. The exec limit applies to both.
/// </summary>
internal sealed record RunTextRules(bool RefusesArgoTemplateTags)
{
    public static RunTextRules Argo { get; } = new(RefusesArgoTemplateTags: true);

    public static RunTextRules Kubernetes { get; } = new(RefusesArgoTemplateTags: false);
}
