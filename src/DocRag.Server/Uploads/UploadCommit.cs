namespace DocRag.Server.Uploads;

/// <summary>The files stored, or the names that conflicted (then nothing was stored).</summary>
public sealed record UploadCommit(IReadOnlyList<StoredUpload> Files, IReadOnlyList<string> Conflicts)
{
    public bool Succeeded => Conflicts.Count == 0;
}
