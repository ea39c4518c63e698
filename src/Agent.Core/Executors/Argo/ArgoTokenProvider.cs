using Agent.Core.Files;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Supplies the Argo bearer token: <c>ARGO_TOKEN</c> when set, else the token file, re-read whenever the file it
/// leads to changes, because the kubelet rotates a projected service-account token by swapping a symlink.
/// </summary>
internal sealed class ArgoTokenProvider(IOptions<ArgoOptions> options) : IAccessTokenProvider
{
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, long Length) _fileStamp;
    private string _fileToken = string.Empty;

    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        var token = options.Value.Token;
        return Task.FromResult(string.IsNullOrWhiteSpace(token) ? ReadTokenFile() : token.Trim());
    }

    private string ReadTokenFile()
    {
        var path = options.Value.EffectiveTokenFile;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return string.Empty;
        }

        var stamp = MountedFileStamp.Of(path);
        lock (_gate)
        {
            if (stamp != _fileStamp)
            {
                _fileToken = File.ReadAllText(path).Trim();
                _fileStamp = stamp;
            }

            return _fileToken;
        }
    }
}
