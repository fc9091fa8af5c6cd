using System.Runtime.CompilerServices;
using DocRag.Core.Embeddings;
using DocRag.Core.Storage;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Ingestion.Sync;

public sealed partial class FolderSync
{
    /// <summary>The embedder's model as the index records it, made the index's model (a change resets all vectors).</summary>
    private async Task<EmbeddingModelInfo?> PrepareModelAsync(SyncRun run, CancellationToken cancellationToken)
    {
        if (_embedder is null)
        {
            return null;
        }

        var metadata = _embedder.GetService<EmbeddingGeneratorMetadata>();
        var id = metadata?.DefaultModelId ?? metadata?.ProviderName ?? _embedder.GetType().Name;
        var dimension = metadata?.DefaultModelDimensions
            ?? (await _embedder.GenerateAsync(["dimension probe"], new EmbeddingGenerationOptions().WithPurpose(EmbeddingPurpose.Passage), cancellationToken).ConfigureAwait(false))[0].Vector.Length;
        var model = new EmbeddingModelInfo(id, dimension);
        var previous = await _store.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
        if (await _store.SetEmbeddingModelAsync(model, cancellationToken).ConfigureAwait(false))
        {
            run.ModelChanged = previous is not null;
            Log.EmbeddingModelSet(_logger, model.ModelId, model.Dimension, previous?.ModelId ?? "none", previous?.Dimension ?? 0);
        }

        return model;
    }

    /// <summary>Embeds the chunks of the passing documents in batches that span documents; failed documents pass straight on.</summary>
    private async IAsyncEnumerable<PreparedDocument> EmbedAsync(IAsyncEnumerable<PreparedDocument> documents, EmbeddingModelInfo? model, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pending = new List<PreparedDocument>();
        var pendingChunks = 0;
        await foreach (var document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (model is null || document.Chunks.Count == 0)
            {
                yield return document;
                continue;
            }

            pending.Add(document);
            pendingChunks += document.Chunks.Count;
            if (pendingChunks >= _options.EmbeddingBatchSize)
            {
                await EmbedDocumentsAsync(pending, cancellationToken).ConfigureAwait(false);
                foreach (var ready in pending)
                {
                    yield return ready;
                }

                pending.Clear();
                pendingChunks = 0;
            }
        }

        if (pending.Count > 0)
        {
            await EmbedDocumentsAsync(pending, cancellationToken).ConfigureAwait(false);
            foreach (var ready in pending)
            {
                yield return ready;
            }
        }
    }

    private async Task EmbedDocumentsAsync(List<PreparedDocument> documents, CancellationToken cancellationToken)
    {
        var vectors = await EmbedTextsAsync(documents.SelectMany(d => d.Chunks.Select(c => c.Text)).ToList(), cancellationToken).ConfigureAwait(false);
        if (vectors is null)
        {
            return; // written keyword-only; the missing-vector pass retries them
        }

        var offset = 0;
        foreach (var document in documents)
        {
            document.Vectors = vectors.GetRange(offset, document.Chunks.Count);
            offset += document.Chunks.Count;
        }
    }

    /// <summary>Embeds chunks that lack a vector of the current model (after a model change or keyword-only runs).</summary>
    private async Task<long> EmbedMissingAsync(EmbeddingModelInfo model, SyncRun run, CancellationToken cancellationToken)
    {
        long stored = 0;
        var after = default(ChunkId);
        while (true)
        {
            var batch = await _store.GetChunksWithoutVectorsAsync(_options.EmbeddingBatchSize * 4, after, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return stored;
            }

            var vectors = await EmbedTextsAsync(batch.Select(c => c.Text).ToList(), cancellationToken).ConfigureAwait(false);
            if (vectors is null)
            {
                return stored;
            }

            stored += await _store.SaveVectorsAsync(model, batch.Select((c, i) => (c.Id, vectors[i])).ToArray(), cancellationToken).ConfigureAwait(false);
            after = batch[^1].Id;
            run.Publish(force: false);
        }
    }

    /// <summary>The texts' passage embeddings in order, or null (logged) when the embedder fails.</summary>
    private async Task<List<ReadOnlyMemory<float>>?> EmbedTextsAsync(List<string> texts, CancellationToken cancellationToken)
    {
        var options = new EmbeddingGenerationOptions().WithPurpose(EmbeddingPurpose.Passage);
        var vectors = new List<ReadOnlyMemory<float>>(texts.Count);
        try
        {
            foreach (var batch in texts.Chunk(_options.EmbeddingBatchSize))
            {
                var embeddings = await _embedder!.GenerateAsync(batch, options, cancellationToken).ConfigureAwait(false);
                if (embeddings.Count != batch.Length)
                {
                    throw new InvalidOperationException($"the embedder returned {embeddings.Count} embeddings for {batch.Length} texts");
                }

                vectors.AddRange(embeddings.Select(e => e.Vector));
            }

            return vectors;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.EmbeddingFailed(_logger, texts.Count, ex);
            return null;
        }
    }
}
