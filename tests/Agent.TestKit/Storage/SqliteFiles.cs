using System.Text;

namespace Agent.TestKit.Storage;

/// <summary>The bytes a SQLite database keeps at rest, as text, for "nothing in clear" checks.</summary>
internal static class SqliteFiles
{
    /// <summary>The main file and its write-ahead log (a row written in clear would be in one of them), read while open.</summary>
    public static async Task<string> ContentAsync(string databasePath, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var file in new[] { databasePath, databasePath + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            text.Append(await reader.ReadToEndAsync(cancellationToken));
        }

        return text.ToString();
    }
}
