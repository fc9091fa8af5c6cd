using DocRag.Core.Remote;

namespace DocRag.Core.Embeddings;

/// <summary>The sentence-embedding model and how it runs (section <c>DocRag:Embedding</c>).</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "DocRag:Embedding";

    /// <summary>The <see cref="Model"/> value that turns embeddings off (keyword search only).</summary>
    public const string NoModel = "none";

    /// <summary>
    /// A model folder (a path, or a folder name under the models folder); empty picks the first folder under the models
    /// folder that holds an .onnx file and tokenizer files; <c>none</c> runs without an embedder.
    /// </summary>
    public string? Model { get; set; }

    /// <summary><c>cpu</c>, <c>cuda</c> (fail if CUDA cannot be used) or <c>auto</c> (CUDA when it works, else CPU).</summary>
    public string ExecutionProvider { get; set; } = "auto";

    /// <summary>Threads for one operator; empty means one per physical core.</summary>
    public int? IntraOpThreads { get; set; }

    /// <summary>Texts run through the model at once.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Overrides the model's own maximum sequence length (tokens, special tokens included).</summary>
    public int? MaxSequenceLength { get; set; }

    /// <summary>Put before every query; empty uses the model's default ("query: " for e5 models, else nothing).</summary>
    public string? QueryPrefix { get; set; }

    /// <summary>Put before every passage; empty uses the model's default ("passage: " for e5 models, else nothing).</summary>
    public string? PassagePrefix { get; set; }

    /// <summary>
    /// A remote OpenAI-compatible embedding server to use instead of a local ONNX model (<c>DocRag:Embedding:Endpoint:Url</c>,
    /// <c>:Model</c>, <c>:ApiKey</c>, <c>:Dimensions</c>); when its URL is set, <see cref="Model"/> is not used and the
    /// prefixes above are put before the texts sent.
    /// </summary>
    public RemoteEndpointOptions Endpoint { get; set; } = new();

    /// <summary>True when <see cref="Model"/> says <c>none</c>.</summary>
    public bool IsDisabled => string.Equals(Model?.Trim(), NoModel, StringComparison.OrdinalIgnoreCase);
}
