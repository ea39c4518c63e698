using Agent.Web.Admin;
using Agent.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Admin;

public sealed class AdminKeyTests : IDisposable
{
    private readonly string _keyFile = Path.GetTempFileName();

    [Fact]
    public void Matches_KeyFileRotated_NewKeyAcceptedOldRefused()
    {
        File.WriteAllText(_keyFile, "first-admin-key-0123456789\n");
        var key = Key();
        var before = key.Matches("first-admin-key-0123456789");

        Rotate("second-admin-key-0123456789\n");

        Assert.True(before);
        Assert.True(key.Matches("second-admin-key-0123456789"));
        Assert.False(key.Matches("first-admin-key-0123456789"));
    }

    [Fact]
    public void Matches_KeyFileRotatedToAKeyShorterThan16Bytes_RefusesEveryKey()
    {
        File.WriteAllText(_keyFile, "first-admin-key-0123456789\n");
        var key = Key();
        Assert.True(key.Matches("first-admin-key-0123456789"));

        Rotate("short\n");

        Assert.False(key.Matches("short"));
        Assert.False(key.Matches("first-admin-key-0123456789"));
    }

    [Fact]
    public void Matches_KubeletSwapsTheSecretVolumesDataSymlink_NewKeyAccepted()
    {
        // A Secret volume: "key" -> "..data/key", "..data" -> the current generation; rotation swaps only "..data".
        var volume = Directory.CreateTempSubdirectory().FullName;
        try
        {
            WriteGeneration(volume, "..1", "first-admin-key-0123456789", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            WriteGeneration(volume, "..2", "second-admin-key-0123456789", new DateTime(2026, 1, 1, 1, 0, 0, DateTimeKind.Utc));
            File.CreateSymbolicLink(Path.Combine(volume, "..data"), "..1");
            File.CreateSymbolicLink(Path.Combine(volume, "key"), "..data/key");
            var key = new AdminKey(Options.Create(new ServerOptions { AdminApiKeyFile = Path.Combine(volume, "key") }), NullLogger<AdminKey>.Instance);
            var before = key.Matches("first-admin-key-0123456789");

            File.Delete(Path.Combine(volume, "..data"));
            File.CreateSymbolicLink(Path.Combine(volume, "..data"), "..2");

            Assert.True(before);
            Assert.True(key.Matches("second-admin-key-0123456789"));
            Assert.False(key.Matches("first-admin-key-0123456789"));
        }
        finally
        {
            Directory.Delete(volume, recursive: true);
        }
    }

    public void Dispose() => File.Delete(_keyFile);

    private static void WriteGeneration(string volume, string generation, string key, DateTime writtenAt)
    {
        var path = Path.Combine(volume, generation, "key");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, key + "\n");
        File.SetLastWriteTimeUtc(path, writtenAt);
    }

    private AdminKey Key() => new(Options.Create(new ServerOptions { AdminApiKeyFile = _keyFile }), NullLogger<AdminKey>.Instance);

    /// <summary>Writes the file and moves its time on, so the change is seen even on a coarse-grained file system clock.</summary>
    private void Rotate(string content)
    {
        var previous = File.GetLastWriteTimeUtc(_keyFile);
        File.WriteAllText(_keyFile, content);
        File.SetLastWriteTimeUtc(_keyFile, previous.AddSeconds(1));
    }
}
