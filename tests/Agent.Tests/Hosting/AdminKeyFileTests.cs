using Agent.Web.Admin;
using Agent.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Hosting;

/// <summary>An ADMIN_API_KEY_FILE that cannot serve as a key is refused at start, and refuses calls (no 500) later.</summary>
public sealed class AdminKeyFileTests
{
    // A sysctl file with mode 0200: procfs refuses reads even to root (fs/proc/proc_sysctl.c test_perm), so this is a
    // real "permission denied" whoever runs the tests.
    private const string WriteOnlyFile = "/proc/sys/vm/drop_caches";

    [Fact]
    public void Validate_KeyFileIsADirectory_SaysSoWithThePath()
    {
        var directory = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var result = new ServerOptionsRules().Validate(null, new ServerOptions { AdminApiKeyFile = directory });

            Assert.Equal($"ADMIN_API_KEY_FILE names a directory, not a file: '{directory}'", Assert.Single(result.Failures!));
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void Validate_KeyFileNotReadable_SaysPermissionDeniedWithThePath()
    {
        var result = new ServerOptionsRules().Validate(null, new ServerOptions { AdminApiKeyFile = WriteOnlyFile });

        Assert.Equal($"ADMIN_API_KEY_FILE cannot be read (permission denied): '{WriteOnlyFile}'", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Matches_KeyFileNotReadable_RefusesInsteadOfThrowing()
    {
        var key = new AdminKey(Options.Create(new ServerOptions { AdminApiKeyFile = WriteOnlyFile }), NullLogger<AdminKey>.Instance);

        Assert.False(key.Matches("any-presented-key-0123456789"));
    }

    [Fact]
    public void Matches_KeyFileBecomesReadableWithoutChangingItsStamp_AcceptedOnTheNextCall()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "short            \n");
            var written = File.GetLastWriteTimeUtc(path);
            var key = new AdminKey(Options.Create(new ServerOptions { AdminApiKeyFile = path }), NullLogger<AdminKey>.Instance);
            Assert.False(key.Matches("short"));

            // Same length and time, as a permission fix would leave them: the unusable file is read again anyway.
            File.WriteAllText(path, "admin-key-01234567");
            File.SetLastWriteTimeUtc(path, written);

            Assert.True(key.Matches("admin-key-01234567"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
