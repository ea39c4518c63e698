using System.Text;

namespace Agent.Web.Hosting;

/// <summary>How long a key is as used: its UTF-8 bytes once trimmed (a file usually ends in a newline).</summary>
internal static class AdminKeyLength
{
    public static int Bytes(string key) => Encoding.UTF8.GetByteCount(key.Trim());
}
