using DocRag.Core.Embeddings;
using Microsoft.Extensions.AI;
using OpenAI.Embeddings;

namespace DocRag.Core.Remote;

/// <summary>
/// A remote OpenAI-compatible embedding server behind <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, through the
/// official <c>OpenAI</c> client (<c>/embeddings</c>). Texts are sent in batches with the configured query or passage
/// prefix (the server knows nothing of DocRag's purposes); the model id the index records is <c>openai:MODEL</c>.
/// </summary>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingClient _client;
    private readonly int _batchSize;
    private readonly string _queryPrefix;
    private readonly string _passagePrefix;
    private readonly int? _requestedDimensions;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <param name="dimensions">The vector length, from the options or measured by the host with one request.</param>
    public OpenAiEmbeddingGenerator(RemoteEndpointOptions endpoint, EmbeddingOptions options, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
#pragma warning disable OPENAI001 // the policy overload is the client's way to send no key at all (servers without auth)
        _client = new EmbeddingClient(endpoint.Model!, OpenAiClientOptionsFactory.Authentication(endpoint), OpenAiClientOptionsFactory.Create(endpoint));
#pragma warning restore OPENAI001
        _batchSize = options.BatchSize;
        _queryPrefix = options.QueryPrefix ?? "";
        _passagePrefix = options.PassagePrefix ?? "";
        _requestedDimensions = endpoint.Dimensions;
        ModelId = ModelIdFor(endpoint);
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("openai-compatible", new Uri(endpoint.Url!), ModelId, dimensions > 0 ? dimensions : null);
    }

    /// <summary>The id the index records for this model's vectors.</summary>
    public string ModelId { get; }

    public int Dimensions { get; }

    public static string ModelIdFor(RemoteEndpointOptions endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Dimensions is { } d ? $"openai:{endpoint.Model}@{d}" : $"openai:{endpoint.Model}";
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var prefix = options.GetPurpose() == EmbeddingPurpose.Query ? _queryPrefix : _passagePrefix;
        var texts = values.Select(v => prefix + v).ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count) { Usage = new UsageDetails { InputTokenCount = 0 } };
        foreach (var batch in texts.Chunk(_batchSize))
        {
            var response = await _client.GenerateEmbeddingsAsync(batch, Options(), cancellationToken).ConfigureAwait(false);
            foreach (var embedding in response.Value.OrderBy(e => e.Index))
            {
                result.Add(new Embedding<float>(embedding.ToFloats()) { ModelId = ModelId, CreatedAt = DateTimeOffset.UtcNow });
            }

            result.Usage.InputTokenCount += response.Value.Usage?.InputTokenCount ?? 0;
        }

        if (result.Count != texts.Count)
        {
            throw new InvalidOperationException($"The embedding server returned {result.Count} vectors for {texts.Count} texts.");
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType == typeof(EmbeddingClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // Nothing to release: the OpenAI client's HTTP pipeline lives with the process.
    }

    private OpenAI.Embeddings.EmbeddingGenerationOptions Options() => new() { Dimensions = _requestedDimensions };
}
