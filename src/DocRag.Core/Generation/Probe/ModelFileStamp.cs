namespace DocRag.Core.Generation.Probe;

/// <summary>Identifies one version of a model file: a probe result holds while path, size and modification time match.</summary>
public readonly record struct ModelFileStamp(string Path, long Length, long LastWriteUtcTicks)
{
    public static ModelFileStamp Of(string path)
    {
        var info = new FileInfo(System.IO.Path.GetFullPath(path));
        return new ModelFileStamp(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks);
    }
}
