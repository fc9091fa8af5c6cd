using DocRag.Core.Embeddings.Tokenization;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Embeddings;

/// <summary>
/// A sentence-embedding model exported to ONNX (sentence-transformers / Hugging Face folder layout), run with ONNX Runtime
/// (Microsoft.ML.OnnxRuntime): tokenize, batch by length with dynamic padding, run, pool (or take <c>sentence_embedding</c>),
/// L2-normalise. Thread-safe: concurrent calls share the one session.
/// </summary>
public sealed partial class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "docrag-onnx";

    private readonly OnnxModelSession _session;
    private readonly ITextTokenizer _tokenizer;
    private readonly ModelInputs _inputs;
    private readonly string _outputName;
    private readonly bool _outputIsPooled;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>The model folder.</summary>
    public EmbeddingModelFolder Folder { get; }

    /// <summary>Stable name of the model: folder name and a hash of the ONNX file ("all-MiniLM-L6-v2@1a2b3c4d5e6f").</summary>
    public string ModelId { get; }

    /// <summary>Length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>Longest input in tokens, special tokens included; longer texts are truncated.</summary>
    public int MaxSequenceLength { get; }

    public int BatchSize { get; }

    /// <summary>How token vectors are pooled; null when the model outputs <c>sentence_embedding</c> itself.</summary>
    public EmbeddingPooling? Pooling => _outputIsPooled ? null : Folder.Pooling;

    public string QueryPrefix { get; }

    public string PassagePrefix { get; }

    /// <summary>Where the model runs: <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device => _session.ExecutionProvider == OnnxExecutionProvider.Cuda ? "cuda" : "cpu";

    /// <summary>Why CUDA is not in use although the provider was <c>auto</c>; null otherwise.</summary>
    public string? CudaFallbackReason => _session.FallbackReason;

    public int IntraOpThreads => _session.IntraOpThreads;

    /// <summary>The tokenizer, which also counts tokens for chunking.</summary>
    public ITextTokenizer Tokenizer => _tokenizer;

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return _metadata;
        }

        if (serviceType == typeof(ITokenCounter) || serviceType == typeof(ITextTokenizer))
        {
            return _tokenizer;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose() => _session.Dispose();
}
