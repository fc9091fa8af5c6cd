using DocRag.Core.Storage;

namespace DocRag.Core.Ingestion.Sync;

public sealed partial class FolderSync
{
    /// <summary>The fingerprint of a refused file (a link out of the folder): matches its scan, so later syncs leave it be.</summary>
    private static readonly FileFingerprint RefusedFingerprint = new("", 0, 0);

    /// <summary>
    /// Hashes the candidates (in parallel) and settles each: a touch (same content), a rename or move (content of a file
    /// that disappeared), or work to index. Rows whose files are gone and were not moved are deleted.
    /// </summary>
    private async Task<List<WorkItem>> PlanAsync(SyncRun run, List<(ScannedFile File, StoredDocument? Document)> toCheck, List<StoredDocument> missing, CancellationToken cancellationToken)
    {
        run.Phase("hashing");
        var hashes = new string?[toCheck.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, toCheck.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.EffectiveParallelism, CancellationToken = cancellationToken },
            async (i, token) => hashes[i] = toCheck[i].File.Size == 0 || toCheck[i].File.Refused is not null ? ContentHasher.EmptySha256 : await TryHashAsync(toCheck[i].File.Path, token).ConfigureAwait(false)).ConfigureAwait(false);

        var movedFrom = missing.Where(d => d.Fingerprint.Sha256.Length > 0)
            .GroupBy(d => d.Fingerprint.Sha256, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<StoredDocument>(g), StringComparer.Ordinal);
        var work = new List<WorkItem>();
        for (var i = 0; i < toCheck.Count; i++)
        {
            var (file, document) = toCheck[i];
            if (file.Refused is not null)
            {
                work.Add(new WorkItem(file, RefusedFingerprint, document)); // never hashed or read: the row only says why
                continue;
            }

            if (hashes[i] is not { } sha)
            {
                work.Add(new WorkItem(file, null, document)); // unreadable now: the reader records why
                continue;
            }

            var fingerprint = new FileFingerprint(sha, file.Size, file.ModifiedUnixMs);
            if (document is not null)
            {
                if (document.Fingerprint.Sha256 == sha && !IsStale(document))
                {
                    await _store.TouchDocumentAsync(document.Id, fingerprint, cancellationToken).ConfigureAwait(false);
                    run.Touched++;
                    run.FileDone();
                }
                else
                {
                    work.Add(new WorkItem(file, fingerprint, document));
                }

                continue;
            }

            var source = movedFrom.TryGetValue(sha, out var queue) && queue.Count > 0
                ? queue.Dequeue()
                : await FindMovedFromOtherCollectionAsync(sha, run.Collection, cancellationToken).ConfigureAwait(false);
            if (source is not null)
            {
                await _store.MoveDocumentAsync(source.Id, file.Path, run.Collection, fingerprint, cancellationToken).ConfigureAwait(false);
                missing.Remove(source);
                run.Moved++;
                if (IsStale(source))
                {
                    work.Add(new WorkItem(file, fingerprint, source)); // moved, and also due for a re-read
                }
                else
                {
                    run.FileDone();
                }
            }
            else
            {
                work.Add(new WorkItem(file, fingerprint, null));
            }
        }

        foreach (var gone in missing)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await _store.DeleteDocumentAsync(gone.Id, cancellationToken).ConfigureAwait(false))
            {
                run.Deleted++;
            }
        }

        return work;
    }

    /// <summary>A row of another collection with this content whose file no longer exists: the file moved between folders.</summary>
    private async Task<StoredDocument?> FindMovedFromOtherCollectionAsync(string sha, string collection, CancellationToken cancellationToken)
    {
        foreach (var candidate in await _store.FindDocumentsByHashAsync(sha, cancellationToken).ConfigureAwait(false))
        {
            if (candidate.Collection != collection && !File.Exists(candidate.Path))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<string?> TryHashAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ContentHasher.ComputeAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
