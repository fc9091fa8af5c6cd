using System.Security.Cryptography;
using DocRag.Core.Embeddings.Tokenization;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Embeddings;

/// <summary>Loading a model folder and checking that the model is one DocRag can feed and read.</summary>
public sealed partial class OnnxEmbeddingGenerator
{
    private const string SentenceEmbeddingOutput = "sentence_embedding";
    private const int DefaultMaxSequenceLength = 512;
    private static readonly string[] TokenOutputs = ["last_hidden_state", "token_embeddings"];

    internal OnnxEmbeddingGenerator(OnnxModelSession session, ITextTokenizer tokenizer, EmbeddingModelFolder folder, EmbeddingOptions options, string modelId)
    {
        _session = session;
        _tokenizer = tokenizer;
        Folder = folder;
        ModelId = modelId;
        _inputs = ModelInputs.From(session);
        (_outputName, _outputIsPooled) = ChooseOutput(session);
        BatchSize = options.BatchSize;
        MaxSequenceLength = ResolveMaxSequenceLength(folder, tokenizer, options);
        QueryPrefix = string.IsNullOrEmpty(options.QueryPrefix) ? folder.QueryPrefix ?? (folder.IsE5 ? "query: " : string.Empty) : options.QueryPrefix;
        PassagePrefix = string.IsNullOrEmpty(options.PassagePrefix) ? folder.PassagePrefix ?? (folder.IsE5 ? "passage: " : string.Empty) : options.PassagePrefix;

        // One real run proves the model works end to end and gives its true dimension.
        var probe = Embed([tokenizer.Encode("DocRag", MaxSequenceLength)], dimensions: null, CancellationToken.None);
        Dimensions = probe[0].Length;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, new Uri(folder.Directory), ModelId, Dimensions);
    }

    /// <summary>A stable id for a model file: folder name plus the first 12 hex digits of the file's SHA-256.</summary>
    public static string ComputeModelId(EmbeddingModelFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        using var stream = File.OpenRead(folder.ModelPath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return $"{folder.Name}@{hash[..12]}";
    }

    private static (string Name, bool Pooled) ChooseOutput(OnnxModelSession session)
    {
        var file = Path.GetFileName(session.ModelPath);
        if (session.Outputs.FirstOrDefault(o => o.Name == SentenceEmbeddingOutput) is { } pooled)
        {
            if (pooled.ElementType != TensorElementType.Float || pooled.Dimensions.Count != 2)
            {
                throw new EmbeddingModelException($"The model '{session.ModelPath}' has a '{SentenceEmbeddingOutput}' output of {pooled.ElementType} {pooled.ShapeText}; DocRag needs float [batch, dimensions].");
            }

            return (pooled.Name, true);
        }

        if (session.Outputs.FirstOrDefault(o => TokenOutputs.Contains(o.Name)) is { } tokens)
        {
            if (tokens.ElementType != TensorElementType.Float || tokens.Dimensions.Count != 3)
            {
                throw new EmbeddingModelException($"The model '{session.ModelPath}' has a '{tokens.Name}' output of {tokens.ElementType} {tokens.ShapeText}; DocRag needs float [batch, sequence, hidden].");
            }

            return (tokens.Name, false);
        }

        throw new EmbeddingModelException(
            $"The model '{file}' ({session.ModelPath}) has no '{SentenceEmbeddingOutput}' or 'last_hidden_state' output (it has: {string.Join(", ", session.Outputs.Select(o => o.Name))}); it does not look like a sentence-embedding model.");
    }

    private static int ResolveMaxSequenceLength(EmbeddingModelFolder folder, ITextTokenizer tokenizer, EmbeddingOptions options)
    {
        var wanted = options.MaxSequenceLength ?? folder.SentenceBertMaxSequenceLength ?? tokenizer.ModelMaxLength ?? folder.MaxPositionEmbeddings ?? DefaultMaxSequenceLength;
        if (folder.MaxPositionEmbeddings is { } positions)
        {
            // RoBERTa-family models reserve two positions (padding offset), so 514 positions allow 512 tokens.
            var usable = folder.ModelType is { } type && type.Contains("roberta", StringComparison.OrdinalIgnoreCase) ? positions - 2 : positions;
            wanted = Math.Min(wanted, usable);
        }

        return Math.Max(wanted, 2);
    }
}
