namespace Agent.Web.Configuration;

/// <summary>
/// One operator-facing environment variable and the configuration key it sets. <see cref="Names"/> lists the
/// accepted spellings, the seed's first and then the Helm chart's: the first one set wins.
/// </summary>
/// <param name="Names">Accepted variable names, in precedence order.</param>
/// <param name="Key">The configuration key (options section and property).</param>
/// <param name="IsSecret">Secret values are never logged, returned or echoed in an error.</param>
/// <param name="Description">What it does, for docs and diagnostics.</param>
internal sealed record EnvironmentVariable(IReadOnlyList<string> Names, string Key, bool IsSecret, string Description);
