namespace Agent.Gateway.Hosting;

/// <summary>
/// Reads each <c>*_FILE</c> variable (a mounted Secret) into the value it stands for, when the value itself is not set.
/// A file that cannot be read is left for <see cref="GatewayOptionsRules"/> to name; its content is never logged.
/// </summary>
internal static class SecretFiles
{
    public static void Resolve(GatewayOptions options)
    {
        options.AdminApiKey = FromFile(options.AdminApiKey, options.AdminApiKeyFile);
        options.AirflowPassword = FromFile(options.AirflowPassword, options.AirflowPasswordFile);
        options.PostgresConnection = FromFile(options.PostgresConnection, options.PostgresConnectionFile);
    }

    /// <summary>The file's content (trimmed: files usually end in a newline), or null with why it cannot be used.</summary>
    public static string? TryRead(string path, string variable, out string? problem)
    {
        problem = null;
        try
        {
            if (Directory.Exists(path))
            {
                problem = $"{variable} names a directory, not a file: '{path}'";
                return null;
            }

            if (!File.Exists(path))
            {
                problem = $"{variable} names a file that does not exist: '{path}'";
                return null;
            }

            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"{variable} cannot be read ({ex.GetType().Name}): '{path}'";
            return null;
        }
    }

    private static string? FromFile(string? value, string? path) =>
        !string.IsNullOrWhiteSpace(value) || string.IsNullOrWhiteSpace(path) ? value : TryRead(path, string.Empty, out _);
}
