using System.Security.Cryptography;
using System.Text;
using Agent.Core;
using Agent.Core.Files;
using Agent.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Web.Admin;

/// <summary>
/// The admin API key, from <c>ADMIN_API_KEY</c> or the file <c>ADMIN_API_KEY_FILE</c> (re-read when it changes, so a
/// rotated Secret takes effect without a restart). Keys are compared as SHA-256 digests in constant time, so neither
/// the content nor the length of the key leaks through timing. A file rotated to a key shorter than
/// <see cref="ServerOptionsRules.MinimumKeyBytes"/> bytes, or that can no longer be read, opens nothing: every call is
/// refused (not failed with a 500) and one error is logged until it is fixed.
/// </summary>
internal sealed partial class AdminKey(IOptions<ServerOptions> options, ILogger<AdminKey> logger)
{
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, long Length) _fileStamp;
    private byte[]? _fileDigest;
    private bool _fileRead;
    private string? _fileProblem;

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
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        lock (_gate)
        {
            // A mounted Secret is a symlink the kubelet never touches when it rotates the key: stamp the file it leads to.
            var stamp = File.Exists(path) ? MountedFileStamp.Of(path) : default;

            // A file that could not be used is tried again on every call: fixing its permissions changes no stamp.
            if (!_fileRead || stamp != _fileStamp || _fileDigest is null)
            {
                var key = AdminKeyFile.TryRead(path, out var problem);
                _fileDigest = key is null ? null : Digest(key);
                _fileStamp = stamp;
                _fileRead = true;
                if (problem is not null && problem != _fileProblem)
                {
                    KeyFileUnusable(logger, problem);
                }

                _fileProblem = problem;
            }

            return _fileDigest;
        }
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    [LoggerMessage(EventId = AgentEventIds.AdminKeyUnusable, Level = LogLevel.Error, Message = "{Problem}: every admin call is refused until it is fixed")]
    private static partial void KeyFileUnusable(ILogger logger, string problem);
}
