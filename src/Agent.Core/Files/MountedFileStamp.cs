namespace Agent.Core.Files;

/// <summary>
/// Whether a mounted file has changed since it was last read. The kubelet updates a Secret, ConfigMap or projected
/// token volume by swapping the <c>..data</c> symlink, so the file's own name stays a symlink that never changes:
/// its time and size say nothing, the file it leads to does.
/// </summary>
internal static class MountedFileStamp
{
    /// <summary>Last-write time and size of the file <paramref name="path"/> finally leads to.</summary>
    public static (DateTime WrittenAt, long Length) Of(string path)
    {
        var file = new FileInfo(path);
        var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) ?? file;
        target.Refresh();
        return (target.LastWriteTimeUtc, target is FileInfo regular ? regular.Length : -1);
    }
}
