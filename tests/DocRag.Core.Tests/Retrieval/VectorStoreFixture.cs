using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>A real index file in a temp folder, written directly with hand-made vectors, and brute-force answers to check against.</summary>
internal sealed class VectorStoreFixture : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-vectors");
    private readonly Random _random = new(1234);

    public VectorStoreFixture(int dimension = 16)
    {
        Dimension = dimension;
        Model = new EmbeddingModelInfo("hand-made", dimension);
        Store = new IndexStore(_dir.Combine("index.db"));
    }

    public int Dimension { get; }

    public EmbeddingModelInfo Model { get; }

    public IndexStore Store { get; }

    public string DatabasePath => Store.DatabasePath;

    public float[] RandomVector(int? dimension = null)
    {
        var vector = new float[dimension ?? Dimension];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((_random.NextDouble() * 2) - 1);
        }

        return vector;
    }

    public async Task<DocumentId> WriteAsync(string path, int chunks, string collection = "main", string type = "txt", EmbeddingModelInfo? model = null)
    {
        model ??= Model;
        await Store.SetEmbeddingModelAsync(model);
        var vectors = Enumerable.Range(0, chunks).Select(_ => (ReadOnlyMemory<float>)RandomVector(model.Dimension)).ToList();
        var written = Enumerable.Range(0, chunks)
            .Select(i => new DocumentChunk(i, $"chunk {i} of {path}", [], 1, 1, 0, 1, 4))
            .ToList();
        return await Store.SaveDocumentAsync(new DocumentWrite(
            path, collection, new FileFingerprint(Guid.NewGuid().ToString("N"), 1, 1), type, null, 1, TextLanguage.English, null, null, written, vectors, model));
    }

    /// <summary>Every stored vector's cosine with <paramref name="query"/>, filtered, best first: what an exact search must return.</summary>
    public async Task<IReadOnlyList<VectorMatch>> BruteForceAsync(float[] query, int k, SearchFilter? filter = null)
    {
        var documents = new Dictionary<DocumentId, StoredDocument>();
        var all = new List<VectorMatch>();
        await foreach (var stored in Store.ReadVectorsAsync())
        {
            if (!documents.TryGetValue(stored.DocumentId, out var document))
            {
                document = (await Store.GetDocumentAsync(stored.DocumentId))!;
                documents[stored.DocumentId] = document;
            }

            if (filter is null || filter.Matches(document.Collection, document.Path, document.Type))
            {
                all.Add(new VectorMatch(stored.ChunkId, stored.DocumentId, (float)Cosine(query, stored.Vector.Span)));
            }
        }

        return all.OrderByDescending(m => m.Similarity).ThenBy(m => m.ChunkId.Value).Take(k).ToArray();
    }

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }

    public static void AssertSame(IReadOnlyList<VectorMatch> expected, IReadOnlyList<VectorMatch> actual)
    {
        Assert.Equal(expected.Select(m => m.ChunkId), actual.Select(m => m.ChunkId));
        Assert.Equal(expected.Select(m => m.DocumentId), actual.Select(m => m.DocumentId));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Similarity, actual[i].Similarity, 4);
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        _dir.Dispose();
    }
}
