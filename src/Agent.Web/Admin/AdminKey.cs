using System.Security.Cryptography;
using System.Text;
using Agent.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Web.Admin;

/// <summary>
/// The admin API key, from <c>ADMIN_API_KEY</c> or the file <c>ADMIN_API_KEY_FILE</c> (re-read when it changes, so a
/// rotated Secret takes effect without a restart). Keys are compared as SHA-256 digests in constant time, so neither
/// the content nor the length of the key leaks through timing.
/// </summary>
public sealed class AdminKey(IOptions<ServerOptions> options)
{
    private readonly Lock _gate = new();
    private DateTime _fileStamp;
    private byte[]? _fileDigest;

    public bool IsEnabled => options.Value.AdminAuthEnabled;

    public bool Matches(string presented)
    {
        var expected = ExpectedDigest();
        return expected is not null && CryptographicOperations.FixedTimeEquals(Digest(presented), expected);
    }

    private byte[]? ExpectedDigest()
    {
        var server = options.Value;
        if (!string.IsNullOrWhiteSpace(server.AdminApiKey))
        {
            return Digest(server.AdminApiKey.Trim());
        }

        var path = server.AdminApiKeyFile;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return null;
        }

        lock (_gate)
        {
            var stamp = File.GetLastWriteTimeUtc(path);
            if (_fileDigest is null || stamp != _fileStamp)
            {
                _fileDigest = Digest(File.ReadAllText(path).Trim());
                _fileStamp = stamp;
            }

            return _fileDigest;
        }
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
