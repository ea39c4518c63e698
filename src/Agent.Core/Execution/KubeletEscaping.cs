namespace Agent.Core.Execution;

/// <summary>
/// Makes an env <c>value</c> reach the process as written. The kubelet expands every non-empty <c>value</c> before the
/// container starts: <c>$(NAME)</c> becomes an earlier variable's value and <c>$$</c> becomes <c>$</c>
/// (kubernetes <c>third_party/forked/golang/expansion/expand.go</c>, <c>pkg/kubelet/kubelet_pods.go</c>; FIDELITY
/// §5.1–§5.3). Doubling every <c>$</c> is the escape: each <c>$$</c> gives back one <c>$</c>, and no <c>$(</c> is left to
/// expand, so <c>pa$$word</c>, <c>$(HOME)</c> and <c>$$(X)</c> arrive unchanged.
/// </summary>
internal static class KubeletEscaping
{
    public static string Escape(string value) => value.Replace("$", "$$", StringComparison.Ordinal);
}
