using System.Numerics.Tensors;
using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

public sealed partial class VectorIndex
{
    /// <summary>
    /// The <paramref name="k"/> rows most similar to <paramref name="query"/> (cosine, best first; ties by chunk id),
    /// among the documents <paramref name="filter"/> allows. Exact: every row is compared. Does not update the index;
    /// call <see cref="EnsureCurrentAsync"/> first. A query of another dimension than the index's throws.
    /// </summary>
    public IReadOnlyList<VectorMatch> Search(ReadOnlySpan<float> query, int k, SearchFilter? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var normalized = query.ToArray();
        Normalize(normalized);
        _rowsLock.EnterReadLock();
        try
        {
            if (_count == 0)
            {
                return [];
            }

            if (normalized.Length != _dimension)
            {
                throw new ArgumentException($"the query vector has {normalized.Length} dimensions but the index's vectors have {_dimension}", nameof(query));
            }

            bool[]? allowed = null;
            if (filter is { IsAll: false })
            {
                allowed = AllowedSlots(filter);
                if (allowed is null)
                {
                    return [];
                }
            }

            var threads = Math.Clamp(_count / MinRowsPerThread, 1, _threads);
            var heaps = new TopKHeap[threads];
            if (threads == 1)
            {
                heaps[0] = ScanRange(normalized, 0, _count, k, allowed);
            }
            else
            {
                var count = _count;
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                    heaps[t] = ScanRange(normalized, (int)((long)count * t / threads), (int)((long)count * (t + 1) / threads), k, allowed));
            }

            return heaps.SelectMany(h => h.Items())
                .OrderByDescending(m => m.Score)
                .ThenBy(m => _chunkIds[m.Row])
                .Take(k)
                .Select(m => new VectorMatch(new ChunkId(_chunkIds[m.Row]), _documents[_rowSlots[m.Row]]!.Id, m.Score))
                .ToArray();
        }
        finally
        {
            _rowsLock.ExitReadLock();
        }
    }

    private TopKHeap ScanRange(float[] query, int start, int end, int k, bool[]? allowed)
    {
        var heap = new TopKHeap(k);
        var q = query.AsSpan();
        var matrix = _matrix;
        var slots = _rowSlots;
        var dimension = _dimension;
        for (var r = start; r < end; r++)
        {
            if (allowed is not null && !allowed[slots[r]])
            {
                continue;
            }

            var score = TensorPrimitives.Dot(matrix.AsSpan(r * dimension, dimension), q);
            if (score > heap.Threshold)
            {
                heap.Offer(score, r);
            }
        }

        return heap;
    }

    /// <summary>Which document slots the filter lets through; null when none does.</summary>
    private bool[]? AllowedSlots(SearchFilter filter)
    {
        var allowed = new bool[_documents.Length];
        var any = false;
        for (var slot = 0; slot < _documents.Length; slot++)
        {
            if (_documents[slot] is { } document && filter.Matches(document.Collection, document.Path, document.Type))
            {
                allowed[slot] = any = true;
            }
        }

        return any ? allowed : null;
    }
}
