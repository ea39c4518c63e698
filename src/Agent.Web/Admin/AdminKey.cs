using System.Security.Cryptography;
using System.Text;
using Agent.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Web.Admin;

/// <summary>
/// The admin API key, from <c>ADMIN_API_KEY</c> or the file <c>ADMIN_API_KEY_FILE</c> (re-read when it changes, so a
/// rotated Secret takes effect without a restart). Keys are compared as SHA-256 digests in constant time, so neither
/// the content nor the length of the key leaks through timing. A file rotated to a key shorter than
/// <see cref="ServerOptionsRules.MinimumKeyBytes"/> bytes opens nothing: every call is refused until it is fixed.
/// </summary>
public sealed partial class AdminKey(IOptions<ServerOptions> options, ILogger<AdminKey> logger)
{
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, long Length) _fileStamp;
    private byte[]? _fileDigest;
    private bool _fileRead;

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
            var file = new FileInfo(path);
            var stamp = (file.LastWriteTimeUtc, file.Length);
            if (!_fileRead || stamp != _fileStamp)
            {
                var key = File.ReadAllText(path);
                _fileDigest = AdminKeyLength.Bytes(key) >= ServerOptionsRules.MinimumKeyBytes ? Digest(key.Trim()) : null;
                _fileStamp = stamp;
                _fileRead = true;
                if (_fileDigest is null)
                {
                    KeyFileTooShort(logger, path, ServerOptionsRules.MinimumKeyBytes);
                }
            }

            return _fileDigest;
        }
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "ADMIN_API_KEY_FILE {Path} now holds a key shorter than {MinimumBytes} bytes: every admin call is refused until it holds a longer one")]
    private static partial void KeyFileTooShort(ILogger logger, string path, int minimumBytes);
}
