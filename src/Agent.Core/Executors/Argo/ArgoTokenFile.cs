namespace Agent.Core.Executors.Argo;

/// <summary>
/// Why a set <c>ARGO_TOKEN_FILE</c> cannot be used at start. The path is named (it is not a secret); the content never is.
/// </summary>
internal static class ArgoTokenFile
{
    public static string? Problem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            return $"ARGO_TOKEN_FILE names a file that does not exist: '{path}' (mount the token there, or unset ARGO_TOKEN_FILE)";
        }

        try
        {
            // Opened, not read whole: only whether this process may read it matters here.
            using var stream = File.OpenRead(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"ARGO_TOKEN_FILE cannot be read: '{path}' ({ex.GetType().Name})";
        }
    }
}
