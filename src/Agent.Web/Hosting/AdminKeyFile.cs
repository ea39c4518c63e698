namespace Agent.Web.Hosting;

/// <summary>
/// Reads <c>ADMIN_API_KEY_FILE</c>, at start and on every rotation alike, so a file that cannot serve as a key is
/// described the same way both times: one line naming the variable and the path, never the content.
/// </summary>
internal static class AdminKeyFile
{
    /// <summary>The key in the file, or null with the reason it cannot be used.</summary>
    public static string? TryRead(string path, out string? problem)
    {
        problem = null;
        if (Directory.Exists(path))
        {
            problem = $"ADMIN_API_KEY_FILE names a directory, not a file: '{path}'";
            return null;
        }

        if (!File.Exists(path))
        {
            problem = $"ADMIN_API_KEY_FILE names a file that does not exist: '{path}'";
            return null;
        }

        string key;
        try
        {
            key = File.ReadAllText(path);
        }
        catch (UnauthorizedAccessException)
        {
            problem = $"ADMIN_API_KEY_FILE cannot be read (permission denied): '{path}'";
            return null;
        }
        catch (IOException ex)
        {
            problem = $"ADMIN_API_KEY_FILE cannot be read ({ex.GetType().Name}): '{path}'";
            return null;
        }

        if (AdminKeyLength.Bytes(key) < ServerOptionsRules.MinimumKeyBytes)
        {
            // The same floor as ADMIN_API_KEY: a file is no excuse for a guessable key.
            problem = $"ADMIN_API_KEY_FILE holds a key shorter than {ServerOptionsRules.MinimumKeyBytes} bytes: '{path}'";
            return null;
        }

        return key.Trim();
    }
}
