using System.Security.Cryptography;
using System.Text;
using DocRag.Core.Embeddings;
using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Evaluation;

/// <summary>
/// For analysis only (<see cref="CorpusForm.Direct"/>): writes an evaluation corpus straight into an index, imitating how a folder sync writes text files: paragraphs on blank lines through
/// <see cref="DocumentBuilder"/> (cleaning, language guess), the product's <see cref="IChunker"/> with the embedder's
/// token counter (an approximation without one), passage embeddings in batches across documents, and one
/// <see cref="IndexStore.SaveDocumentAsync"/> per document. The set's title becomes the document's title; each
/// document gets a file name of its own under the scratch folder (nothing is written there).
/// </summary>
internal sealed class CorpusWriter(IndexStore store, IChunker chunker, IngestionOptions options, IEmbeddingGenerator<string, Embedding<float>>? embedder)
{
    private readonly ITokenCounter _counter = embedder?.GetService<ITokenCounter>() ?? ApproximateTokenCounter.Instance;

    /// <summary>Writes every document and returns the corpus id of each stored document, with the chunk count.</summary>
    public async Task<(Dictionary<DocumentId, string> Ids, int Chunks)> WriteAsync(
        IReadOnlyList<EvaluationDocument> documents, string folder, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken = default)
    {
        await store.EnsureFullTextAnalyzerAsync(cancellationToken).ConfigureAwait(false);
        var model = embedder is null ? null : await ModelAsync(embedder, cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<DocumentId, string>();
        var pending = new List<(EvaluationDocument Source, string Path, ParsedDocument Parsed, IReadOnlyList<DocumentChunk> Chunks)>();
        var chunks = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = documents[i];
            var parsed = Parse(source);
            var documentChunks = chunker.Chunk(parsed, _counter);
            pending.Add((source, Path.Combine(folder, "corpus", $"d{i + 1:D7}.txt"), parsed, documentChunks));
            chunks += documentChunks.Count;
            if (i == documents.Count - 1 || model is null || pending.Sum(p => p.Chunks.Count) >= options.EmbeddingBatchSize)
            {
                await SaveAsync(pending, model, ids, cancellationToken).ConfigureAwait(false);
                pending.Clear();
                progress?.Report(new EvaluationProgress("indexing", i + 1, documents.Count));
            }
        }

        return (ids, chunks);
    }

    private ParsedDocument Parse(EvaluationDocument source)
    {
        var builder = new DocumentBuilder(options.MaxTextChars);
        foreach (var paragraph in TextParser.SplitParagraphs(source.Text.ReplaceLineEndings("\n")))
        {
            builder.Add(BlockKind.Paragraph, paragraph);
        }

        return builder.Build(source.Title, pages: 1);
    }

    private async Task SaveAsync(
        List<(EvaluationDocument Source, string Path, ParsedDocument Parsed, IReadOnlyList<DocumentChunk> Chunks)> batch,
        EmbeddingModelInfo? model,
        Dictionary<DocumentId, string> ids,
        CancellationToken cancellationToken)
    {
        var vectors = model is null ? null : await EmbedAsync(batch.SelectMany(b => b.Chunks.Select(c => c.Text)).ToArray(), cancellationToken).ConfigureAwait(false);
        var offset = 0;
        foreach (var (source, path, parsed, documentChunks) in batch)
        {
            var bytes = Encoding.UTF8.GetBytes(source.Text);
            var id = await store.SaveDocumentAsync(
                new DocumentWrite(
                    path,
                    "evaluation",
                    new FileFingerprint(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, 0),
                    "txt",
                    parsed.Title,
                    parsed.Pages,
                    parsed.Language,
                    null,
                    documentChunks.Count == 0 ? new ParseFailure(ParseFailureKind.Empty, "the document has no text") : null,
                    documentChunks,
                    vectors?.GetRange(offset, documentChunks.Count),
                    model),
                cancellationToken).ConfigureAwait(false);
            offset += documentChunks.Count;
            ids[id] = source.Id;
        }
    }

    private async Task<List<ReadOnlyMemory<float>>> EmbedAsync(string[] texts, CancellationToken cancellationToken)
    {
        var vectors = new List<ReadOnlyMemory<float>>(texts.Length);
        foreach (var batch in texts.Chunk(options.EmbeddingBatchSize))
        {
            var embeddings = await embedder!.GenerateAsync(batch, new EmbeddingGenerationOptions().WithPurpose(EmbeddingPurpose.Passage), cancellationToken).ConfigureAwait(false);
            vectors.AddRange(embeddings.Select(e => e.Vector));
        }

        return vectors;
    }

    /// <summary>The embedder's model id as folder sync records it.</summary>
    internal static string ModelId(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        return metadata?.DefaultModelId ?? metadata?.ProviderName ?? generator.GetType().Name;
    }

    /// <summary>Makes the embedder's model the index's model, named as folder sync names it (so search accepts its vectors).</summary>
    private async Task<EmbeddingModelInfo> ModelAsync(IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        var id = ModelId(generator);
        var dimension = metadata?.DefaultModelDimensions
            ?? (await generator.GenerateAsync(["dimension probe"], new EmbeddingGenerationOptions().WithPurpose(EmbeddingPurpose.Passage), cancellationToken).ConfigureAwait(false))[0].Vector.Length;
        var model = new EmbeddingModelInfo(id, dimension);
        await store.SetEmbeddingModelAsync(model, cancellationToken).ConfigureAwait(false);
        return model;
    }
}
