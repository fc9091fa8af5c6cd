using System.Numerics.Tensors;
using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

public sealed partial class VectorIndex
{
    private readonly Dictionary<DocumentId, int> _slotByDocument = [];
    private readonly Stack<int> _freeSlots = new();

    // Row r: vector at _matrix[r * _dimension ..], chunk _chunkIds[r], document _documents[_rowSlots[r]]. Guarded by _rowsLock.
    private float[] _matrix = [];
    private long[] _chunkIds = [];
    private int[] _rowSlots = [];
    private IndexedDocument?[] _documents = [];
    private int _count;
    private int _dimension;
    private EmbeddingModelInfo? _model;
    private long _version = -1;

    /// <summary>Scales <paramref name="vector"/> to unit length in place (a zero vector stays zero and matches nothing).</summary>
    internal static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0 && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
        else
        {
            vector.Clear();
        }
    }

    private void ReplaceAll(LoadedVectors loaded)
    {
        _model = loaded.Model;
        _version = loaded.Version;
        _dimension = loaded.Model?.Dimension ?? 0;
        _matrix = loaded.Matrix;
        _chunkIds = loaded.ChunkIds;
        _count = loaded.Count;
        _rowSlots = new int[loaded.ChunkIds.Length];
        _documents = [];
        _slotByDocument.Clear();
        _freeSlots.Clear();
        for (var r = 0; r < loaded.Count; r++)
        {
            _rowSlots[r] = SlotOf(loaded.Documents[loaded.RowDocuments[r]]);
        }
    }

    /// <summary>Puts a document's current rows in place of its old ones (none: it has no vectors any more).</summary>
    private void ReplaceDocument(DocumentId id, IndexedDocument? document, List<(long ChunkId, float[] Vector)> rows)
    {
        if (_slotByDocument.TryGetValue(id, out var old))
        {
            RemoveRows(r => _rowSlots[r] == old);
            ReleaseSlot(id);
        }

        if (document is null || rows.Count == 0)
        {
            return;
        }

        var slot = SlotOf(document);
        EnsureCapacity(_count + rows.Count);
        foreach (var (chunkId, vector) in rows)
        {
            vector.CopyTo(_matrix.AsSpan(_count * _dimension, _dimension));
            _chunkIds[_count] = chunkId;
            _rowSlots[_count] = slot;
            _count++;
        }
    }

    /// <summary>Swap-removes the rows matching <paramref name="remove"/> (row order carries no meaning).</summary>
    private int RemoveRows(Func<int, bool> remove)
    {
        var removed = 0;
        for (var r = 0; r < _count;)
        {
            if (!remove(r))
            {
                r++;
                continue;
            }

            var last = _count - 1;
            if (r != last)
            {
                _matrix.AsSpan(last * _dimension, _dimension).CopyTo(_matrix.AsSpan(r * _dimension, _dimension));
                _chunkIds[r] = _chunkIds[last];
                _rowSlots[r] = _rowSlots[last];
            }

            _count--;
            removed++;
        }

        return removed;
    }

    private int SlotOf(IndexedDocument document)
    {
        if (_slotByDocument.TryGetValue(document.Id, out var slot))
        {
            _documents[slot] = document;
            return slot;
        }

        if (!_freeSlots.TryPop(out slot))
        {
            slot = _slotByDocument.Count;
            if (slot == _documents.Length)
            {
                Array.Resize(ref _documents, Math.Max(16, _documents.Length * 2));
            }
        }

        _documents[slot] = document;
        _slotByDocument[document.Id] = slot;
        return slot;
    }

    private void ReleaseSlot(DocumentId id)
    {
        if (_slotByDocument.Remove(id, out var slot))
        {
            _documents[slot] = null;
            _freeSlots.Push(slot);
        }
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= _chunkIds.Length)
        {
            return;
        }

        // Grow by a quarter: at a million rows a doubling would briefly hold three matrices' worth of memory.
        CheckSize(rows, _dimension);
        var capacity = (int)Math.Min(Math.Max(rows, Math.Max(1024, _chunkIds.Length + (_chunkIds.Length / 4))), Array.MaxLength / Math.Max(1, _dimension));
        Array.Resize(ref _matrix, capacity * _dimension);
        Array.Resize(ref _chunkIds, capacity);
        Array.Resize(ref _rowSlots, capacity);
    }

    /// <summary>One array holds the matrix: about 5.5 million vectors of 384 dimensions.</summary>
    private static void CheckSize(long rows, int dimension)
    {
        if (rows * dimension > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"{rows} vectors of {dimension} dimensions exceed what the in-memory vector index holds ({Array.MaxLength / Math.Max(1, dimension)}); use a smaller embedding model or split the index");
        }
    }

    private long DocumentStringBytes()
    {
        long bytes = 0;
        foreach (var document in _documents)
        {
            if (document is not null)
            {
                bytes += 2L * (document.Collection.Length + document.Path.Length + document.Type.Length);
            }
        }

        return bytes;
    }
}
