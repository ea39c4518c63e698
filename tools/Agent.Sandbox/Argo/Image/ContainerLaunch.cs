namespace Agent.Sandbox.Argo.Image;

/// <summary>What the emulated image is started with: the container's command plus args, and its resolved env in order.</summary>
internal sealed record ContainerLaunch(IReadOnlyList<string> Command, IReadOnlyList<KeyValuePair<string, string>> Environment)
{
    /// <summary>The value a process reads with <c>os.getenv</c>: the last entry of that name, or null.</summary>
    public string? Env(string name) => Environment.LastOrDefault(pair => pair.Key == name) is { Key: not null } pair ? pair.Value : null;
}
