using System.Diagnostics;
using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

public sealed partial class VectorIndex
{
    // Unexplained versions are waited for this many times (events are raised just after their commit) before a reload.
    private const int GapRetries = 20;
    private const int MaxPendingEvents = 100_000;

    private readonly Lock _eventsGate = new();
    private readonly List<StoreChangedEventArgs> _events = [];
    private bool _eventsOverflowed;

    /// <summary>
    /// Brings the index up to the store's current version: the first call loads every vector; later calls apply this
    /// process's changes document by document, and reload when the store moved in ways the events do not explain.
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        await _updateLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var current = await _store.GetVersionAsync(cancellationToken).ConfigureAwait(false);
                var loaded = Volatile.Read(ref _version);
                if (loaded == current)
                {
                    PruneEvents(loaded);
                    return;
                }

                var (events, overflowed) = PendingEvents(loaded, current);
                if (loaded >= 0 && !overflowed && events.Count == current - loaded)
                {
                    await ApplyAsync(events, current, cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (loaded < 0 || overflowed || loaded > current || attempt >= GapRetries)
                {
                    await LoadAllAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _updateLock.Release();
        }
    }

    private void OnStoreChanged(object? sender, StoreChangedEventArgs e)
    {
        lock (_eventsGate)
        {
            if (_events.Count >= MaxPendingEvents)
            {
                // Nobody searched for a long while: forget the details, the next search reloads.
                _events.Clear();
                _eventsOverflowed = true;
                return;
            }

            _events.Add(e);
        }
    }

    private (List<StoreChangedEventArgs> Events, bool Overflowed) PendingEvents(long after, long upTo)
    {
        lock (_eventsGate)
        {
            var events = _events.Where(e => e.Version > after && e.Version <= upTo).DistinctBy(e => e.Version).OrderBy(e => e.Version).ToList();
            return (events, _eventsOverflowed);
        }
    }

    private void PruneEvents(long upTo)
    {
        lock (_eventsGate)
        {
            _events.RemoveAll(e => e.Version <= upTo);
        }
    }

    private async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        lock (_eventsGate)
        {
            // Cleared before reading, so an overflow during the read still forces the next reload.
            _eventsOverflowed = false;
        }

        var started = Stopwatch.GetTimestamp();
        var loaded = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        Write(() => ReplaceAll(loaded));
        FullLoads++;
        PruneEvents(loaded.Version);
        Log.VectorIndexLoaded(_logger, loaded.Count, loaded.Model?.ModelId ?? "none", loaded.Model?.Dimension ?? 0, MemoryBytes / (1024.0 * 1024.0), Milliseconds(started), loaded.Version);
    }

    /// <summary>Applies the events of versions (loaded, <paramref name="target"/>]; the rows read may be newer, which later events repeat harmlessly.</summary>
    private async Task ApplyAsync(List<StoreChangedEventArgs> events, long target, CancellationToken cancellationToken)
    {
        if (events.Any(e => e.Kind == StoreChangeKind.VectorsReset))
        {
            await LoadAllAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var documents = events
            .Where(e => e.Kind is StoreChangeKind.DocumentWritten or StoreChangeKind.DocumentDeleted && e.Document is not null)
            .Select(e => e.Document!.Value)
            .Distinct()
            .ToList();
        var reconcile = events.Any(e => e.Kind is StoreChangeKind.DocumentMoved or StoreChangeKind.VectorsWritten);
        var model = Model;
        if (documents.Count > 0)
        {
            if (model is null)
            {
                // No model yet: a document written now has no vectors to add (a model arrives with VectorsReset).
                Write(() => _version = target);
            }
            else if (!await RefreshDocumentsAsync(model, documents, target, cancellationToken).ConfigureAwait(false))
            {
                await LoadAllAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        if (reconcile && model is not null)
        {
            if (!await ReconcileAsync(model, target, cancellationToken).ConfigureAwait(false))
            {
                await LoadAllAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        else
        {
            Write(() => _version = target);
        }

        PruneEvents(target);
        Log.VectorIndexUpdated(_logger, target, documents.Count, reconcile, Milliseconds(started));
    }

    /// <returns>False when the store's model is no longer the loaded one (the caller reloads).</returns>
    private async Task<bool> RefreshDocumentsAsync(EmbeddingModelInfo model, List<DocumentId> documents, long target, CancellationToken cancellationToken)
    {
        var fresh = new List<(DocumentId, IndexedDocument?, List<(long, float[])>)>(documents.Count);
        using (var connection = await _store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false))
        using (var transaction = connection.BeginTransaction(deferred: true))
        {
            if (await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false) != model)
            {
                return false;
            }

            foreach (var id in documents)
            {
                var (document, rows) = await ReadDocumentAsync(connection, transaction, model, id, cancellationToken).ConfigureAwait(false);
                fresh.Add((id, document, rows));
            }
        }

        Write(() =>
        {
            foreach (var (id, document, rows) in fresh)
            {
                ReplaceDocument(id, document, rows);
            }

            _version = target;
        });
        return true;
    }
}
