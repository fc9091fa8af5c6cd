using System.Security.Cryptography;
using DocRag.Core.Ingestion.Sync;

namespace DocRag.Server.Uploads;

public sealed partial class UploadWriter
{
    /// <summary>
    /// Renames the staged files into <paramref name="folder"/>. Same name and same content is a no-op (so a retried
    /// upload never duplicates a file); same name and different content follows <paramref name="mode"/>. With
    /// <see cref="UploadConflictMode.Fail"/>, any conflict stores nothing and names the conflicting files.
    /// </summary>
    public async Task<UploadCommit> CommitAsync(string folder, IReadOnlyList<StagedUpload> staged, UploadConflictMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(staged);
        await _commit.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var plan = new List<(StagedUpload Upload, string Name, UploadOutcome Outcome)>();
            var taken = new Dictionary<string, string>(StringComparer.Ordinal); // names this batch stores, with their hash
            var conflicts = new List<string>();
            foreach (var upload in staged)
            {
                if (Decide(folder, upload, mode, taken) is { } decision)
                {
                    taken[decision.Name] = upload.Sha256;
                    plan.Add((upload, decision.Name, decision.Outcome));
                }
                else
                {
                    conflicts.Add(upload.Name);
                }
            }

            if (conflicts.Count > 0)
            {
                Discard(staged);
                return new UploadCommit([], conflicts);
            }

            var stored = new List<StoredUpload>(plan.Count);
            foreach (var (upload, name, outcome) in plan)
            {
                var target = Path.Combine(folder, name);
                if (outcome == UploadOutcome.Unchanged)
                {
                    TryDelete(upload.TempPath);
                }
                else
                {
                    // Without overwrite .NET links then unlinks on Unix: the name appears atomically and never replaces a file.
                    File.Move(upload.TempPath, target, overwrite: outcome == UploadOutcome.Replaced);
                }

                stored.Add(new StoredUpload(upload.ClientName, name, outcome, upload.Size, upload.Sha256));
            }

            return new UploadCommit(stored, []);
        }
        catch
        {
            Discard(staged);
            throw;
        }
        finally
        {
            _commit.Release();
        }
    }

    /// <summary>The name to store <paramref name="upload"/> under and how, or null for a conflict.</summary>
    private static (string Name, UploadOutcome Outcome)? Decide(string folder, StagedUpload upload, UploadConflictMode mode, Dictionary<string, string> taken)
    {
        var stem = Path.GetFileNameWithoutExtension(upload.Name);
        var extension = Path.GetExtension(upload.Name);
        for (var n = 1; n <= MaxNumberedName; n++)
        {
            var name = n == 1 ? upload.Name : $"{stem} ({n}){extension}";
            var existing = Compare(folder, name, upload, taken);
            if (existing == Existing.None)
            {
                return (name, n == 1 ? UploadOutcome.Created : UploadOutcome.Renamed);
            }

            if (existing == Existing.Same)
            {
                return (name, UploadOutcome.Unchanged);
            }

            if (existing == Existing.DifferentFile && mode == UploadConflictMode.Replace)
            {
                return (name, UploadOutcome.Replaced);
            }

            if (mode != UploadConflictMode.Rename)
            {
                return null;
            }
        }

        return null;
    }

    private static Existing Compare(string folder, string name, StagedUpload upload, Dictionary<string, string> taken)
    {
        if (taken.TryGetValue(name, out var sha))
        {
            return sha == upload.Sha256 ? Existing.Same : Existing.Other;
        }

        var path = Path.Combine(folder, name);
        if (Directory.Exists(path))
        {
            return Existing.Other;
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null && (!File.Exists(path) || !RealPaths.IsReallyInside(path, folder)))
        {
            // A broken link, or one out of the folder: never read (comparing would tell the uploader whether a file
            // outside the collection holds this content); "replace" replaces the link itself, inside the folder.
            return Existing.DifferentFile;
        }

        if (!info.Exists)
        {
            return Existing.None;
        }

        return info.Length == upload.Size && HashFile(path) == upload.Sha256 ? Existing.Same : Existing.DifferentFile;
    }

    private static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private enum Existing
    {
        None,
        Same,
        DifferentFile,

        /// <summary>A folder, or a different file of this same upload: never replaced.</summary>
        Other,
    }
}
