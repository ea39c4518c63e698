namespace Agent.Gateway.Hosting;

/// <summary>
/// Reads each <c>*_FILE</c> variable (a mounted Secret) into the value it stands for. The gateway's only secret-file
/// reader. A file that cannot be read, or a variable set together with its <c>_FILE</c>, is left for
/// <see cref="GatewayOptionsRules"/> to name; the content is never logged.
/// </summary>
internal static class SecretFiles
{
    public static void Resolve(GatewayOptions options)
    {
        options.AdminApiKey = FromFile(options, "GATEWAY_ADMIN_API_KEY", options.AdminApiKey, options.AdminApiKeyFile);
        options.AirflowPassword = FromFile(options, "AIRFLOW_PASSWORD", options.AirflowPassword, options.AirflowPasswordFile);
        options.PostgresConnection = FromFile(options, "GATEWAY_POSTGRES_CONNECTION", options.PostgresConnection, options.PostgresConnectionFile);
    }

    /// <summary>
    /// The file's content without its trailing newline (editors and <c>echo</c> add one; a password may end in a space),
    /// or null with why it cannot be used. The problem names the variable and the path, never the content.
    /// </summary>
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

            var text = File.ReadAllText(path).TrimEnd('\r', '\n');
            if (text.Length == 0)
            {
                problem = $"{variable} names an empty file: '{path}'";
                return null;
            }

            return text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"{variable} cannot be read ({ex.GetType().Name}): '{path}'";
            return null;
        }
    }

    private static string? FromFile(GatewayOptions options, string variable, string? value, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return value;
        }

        if (!string.IsNullOrWhiteSpace(value))
        {
            // Two sources of one secret would disagree silently: the rules refuse it, whatever the file holds.
            options.SetWithItsFile.Add(variable);
            return value;
        }

        return TryRead(path, string.Empty, out _);
    }
}
