using Microsoft.Extensions.AI;

namespace DocRag.Bench.Search;

/// <summary>
/// An embedder that answers every text with a random unit vector under the bench index's model id: the index's vectors
/// are random too, so search does the same work as with a real model. Query embedding time is measured separately.
/// </summary>
internal sealed class RandomQueryEmbedder(string modelId, int dimension, int seed) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("bench", null, modelId, dimension);
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(SyntheticIndex.UnitVector(_random, dimension)))));
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata : null;

    public void Dispose()
    {
    }
}
