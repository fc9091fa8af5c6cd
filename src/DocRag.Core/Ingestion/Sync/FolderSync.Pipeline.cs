using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Storage;

namespace DocRag.Core.Ingestion.Sync;

public sealed partial class FolderSync
{
    private const int MaxReadAttempts = 3;

    /// <summary>Reads and chunks the work items in parallel (bounded), yielding each as it is ready.</summary>
    private async IAsyncEnumerable<PreparedDocument> PrepareAllAsync(List<WorkItem> work, SyncRun run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parallelism = _options.EffectiveParallelism;
        var channel = Channel.CreateBounded<PreparedDocument>(parallelism * 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = stop.Token }, async (item, token) =>
                    {
                        run.Reading(item.File.Path);
                        var prepared = await PrepareAsync(item, token).ConfigureAwait(false);
                        await channel.Writer.WriteAsync(prepared, token).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                    channel.Writer.Complete();
                }
                catch (Exception ex)
                {
                    channel.Writer.Complete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var prepared in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return prepared;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false); // the consumer stopped early: let the producer go
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads one file; if its size or time moved while it was read (a partial write, a truncation), hashes and reads
    /// again, and after <see cref="MaxReadAttempts"/> records it as unreadable for now. A vanished file yields Gone.
    /// </summary>
    private async Task<PreparedDocument> PrepareAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var path = item.File.Path;
        var fingerprint = item.Fingerprint;
        if (item.File.Refused is { } refused)
        {
            return new PreparedDocument(item, RefusedFingerprint, ParseResult.Failed(ParseFailureKind.OutsideFolder, refused), []);
        }

        if (item.File.Size == 0 && fingerprint is not null)
        {
            // Not opened: an empty file has nothing to read, and a FIFO would block the reader forever.
            return new PreparedDocument(item, fingerprint, ParseResult.Failed(ParseFailureKind.Empty, "the file is empty"), []);
        }

        for (var attempt = 1; ; attempt++)
        {
            var result = await _reader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            var after = FolderScanner.Describe(new FileInfo(path));
            if (after is null)
            {
                return FolderScanner.HasUndecodableName(path) && !result.Succeeded
                    ? new PreparedDocument(item, new FileFingerprint("", 0, 0), result, [])
                    : new PreparedDocument(item, fingerprint ?? new FileFingerprint("", 0, 0), null, []);
            }

            if (fingerprint is not null && after.Size == fingerprint.Size && after.ModifiedUnixMs == fingerprint.ModifiedUnixMs)
            {
                var chunks = result.Succeeded ? _chunker.Chunk(result.Document, _tokenCounter) : [];
                return new PreparedDocument(item, fingerprint, result, chunks);
            }

            var sha = await TryHashAsync(path, cancellationToken).ConfigureAwait(false);
            if (sha is null || attempt >= MaxReadAttempts)
            {
                // Unreadable (permissions) or still changing: a failed row that the next sync retries.
                var failure = sha is null && !result.Succeeded
                    ? result
                    : ParseResult.Failed(ParseFailureKind.Unreadable, "the file kept changing while it was read; it will be retried");
                return new PreparedDocument(item, new FileFingerprint(sha ?? "", after.Size, after.ModifiedUnixMs), failure, []);
            }

            fingerprint = new FileFingerprint(sha, after.Size, after.ModifiedUnixMs);
        }
    }

    private async Task WriteAsync(PreparedDocument prepared, SyncRun run, EmbeddingModelInfo? model, CancellationToken cancellationToken)
    {
        var item = prepared.Item;
        if (prepared.Gone)
        {
            if (item.Existing is { } gone && await _store.DeleteDocumentAsync(gone.Id, cancellationToken).ConfigureAwait(false))
            {
                run.Deleted++;
            }

            run.FileDone();
            return;
        }

        var result = prepared.Result!;
        var document = result.Document;
        await _store.SaveDocumentAsync(
            new DocumentWrite(
                item.File.Path,
                run.Collection,
                prepared.Fingerprint,
                _reader.DocumentTypeOf(item.File.Path),
                document?.Title,
                document?.Pages ?? 0,
                document?.Language ?? Text.TextLanguage.Other,
                document?.Note,
                result.Failure,
                prepared.Chunks,
                prepared.Vectors,
                prepared.Vectors is null ? null : model,
                _chunkerSignature),
            cancellationToken).ConfigureAwait(false);

        if (item.Existing is null)
        {
            run.Added++;
        }
        else
        {
            run.Updated++;
        }

        if (!result.Succeeded)
        {
            run.Failed++;
            Log.DocumentFailed(_logger, item.File.Path, result.Failure.Code, result.Failure.Message);
        }

        run.FileDone(prepared.Chunks.Count);
    }
}
