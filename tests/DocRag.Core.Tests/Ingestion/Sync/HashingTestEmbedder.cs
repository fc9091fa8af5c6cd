using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>
/// A deterministic fake embedder for sync logic tests (model ids, batching, re-embeds): each text becomes a unit vector
/// derived from SHA-256 of the model id and the text. Counts calls and texts so tests can see what was embedded.
/// </summary>
internal sealed class HashingTestEmbedder(string modelId, int dimension = 8) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("test", null, modelId, dimension);
    private int _texts;
    private int _calls;

    public int TextsEmbedded => Volatile.Read(ref _texts);

    public int Calls => Volatile.Read(ref _calls);

    public bool Fail { get; set; }

    public static float[] Vector(string modelId, string text, int dimension)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(modelId + "\n" + text));
        var vector = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            vector[i] = hash[i % hash.Length] - 127.5f;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Fail)
        {
            throw new InvalidOperationException("test embedder told to fail");
        }

        var list = values.ToList();
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _texts, list.Count);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(list.Select(t => new Embedding<float>(Vector(modelId, t, dimension)) { ModelId = modelId })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
