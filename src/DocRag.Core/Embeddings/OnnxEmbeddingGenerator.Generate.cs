using System.Buffers;
using DocRag.Core.Embeddings.Tokenization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Embeddings;

/// <summary>Embedding texts: prefix, tokenize, batch by length with dynamic padding, run, pool, normalise.</summary>
public sealed partial class OnnxEmbeddingGenerator
{
    private const int ParallelTokenizeThreshold = 8;

    /// <summary>
    /// Embeds <paramref name="values"/>, returned in input order. <see cref="EmbeddingPurposeExtensions.ForQuery"/> in
    /// <paramref name="options"/> applies the query prefix (passages otherwise); <c>options.Dimensions</c> keeps that many
    /// leading dimensions, re-normalised.
    /// </summary>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        if (options?.Dimensions is { } requested && (requested < 1 || requested > Dimensions))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"The model gives {Dimensions} dimensions; {requested} were asked for.");
        }

        var prefix = options.GetPurpose() == EmbeddingPurpose.Query ? QueryPrefix : PassagePrefix;
        return Task.Run(() => Generate(texts, prefix, options?.Dimensions, cancellationToken), cancellationToken);
    }

    private GeneratedEmbeddings<Embedding<float>> Generate(List<string> texts, string prefix, int? dimensions, CancellationToken cancellationToken)
    {
        var encoded = Tokenize(texts, prefix, cancellationToken);
        long tokens = encoded.Sum(e => (long)e.Length);

        var vectors = Embed(encoded, dimensions, cancellationToken);
        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = created }))
        {
            Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens },
        };
        return result;
    }

    /// <summary>Tokenizes on all cores: the model is not running yet, so they would otherwise sit idle.</summary>
    private EncodedText[] Tokenize(List<string> texts, string prefix, CancellationToken cancellationToken)
    {
        var encoded = new EncodedText[texts.Count];
        if (texts.Count < ParallelTokenizeThreshold)
        {
            for (var i = 0; i < encoded.Length; i++)
            {
                encoded[i] = _tokenizer.Encode(prefix + (texts[i] ?? string.Empty), MaxSequenceLength);
            }

            return encoded;
        }

        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, encoded.Length, parallel, i => encoded[i] = _tokenizer.Encode(prefix + (texts[i] ?? string.Empty), MaxSequenceLength));
        return encoded;
    }

    /// <summary>Runs the texts in batches of similar length (less padding), and puts the vectors back in input order.</summary>
    internal float[][] Embed(IReadOnlyList<EncodedText> encoded, int? dimensions, CancellationToken cancellationToken)
    {
        var order = Enumerable.Range(0, encoded.Count).OrderBy(i => encoded[i].Length).ToArray();
        var vectors = new float[encoded.Count][];
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start));
            RunBatch(encoded, batch, vectors, dimensions, cancellationToken);
        }

        return vectors;
    }

    private void RunBatch(IReadOnlyList<EncodedText> encoded, ReadOnlySpan<int> batch, float[][] vectors, int? dimensions, CancellationToken cancellationToken)
    {
        var rows = batch.Length;
        var sequence = 1;
        foreach (var index in batch)
        {
            sequence = Math.Max(sequence, encoded[index].Length);
        }

        var size = rows * sequence;
        var ids = ArrayPool<long>.Shared.Rent(size);
        var mask = ArrayPool<long>.Shared.Rent(size);
        var types = _inputs.HasTokenTypeIds ? ArrayPool<long>.Shared.Rent(size) : null;
        try
        {
            Fill(encoded, batch, sequence, ids, mask, types);
            long[] shape = [rows, sequence];
            // The tensors pin the pooled arrays and ORT reads them in place: nothing is copied.
            using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, size), shape);
            using var maskValue = _inputs.HasAttentionMask ? OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, size), shape) : null;
            using var typesValue = types is null ? null : OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, types.AsMemory(0, size), shape);
            var names = new List<string>(_inputs.Count) { ModelInputs.InputIds };
            var values = new List<OrtValue>(_inputs.Count) { idsValue };
            if (maskValue is not null)
            {
                names.Add(ModelInputs.AttentionMask);
                values.Add(maskValue);
            }

            if (typesValue is not null)
            {
                names.Add(ModelInputs.TokenTypeIds);
                values.Add(typesValue);
            }

            using var output = _session.Run(names, values, _outputName, cancellationToken);
            ReadVectors(output, batch, rows, sequence, mask.AsSpan(0, size), vectors, dimensions);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            if (types is not null)
            {
                ArrayPool<long>.Shared.Return(types);
            }
        }
    }

    private void Fill(IReadOnlyList<EncodedText> encoded, ReadOnlySpan<int> batch, int sequence, long[] ids, long[] mask, long[]? types)
    {
        for (var row = 0; row < batch.Length; row++)
        {
            var text = encoded[batch[row]];
            var offset = row * sequence;
            for (var t = 0; t < sequence; t++)
            {
                var real = t < text.Length;
                ids[offset + t] = real ? text.InputIds[t] : _tokenizer.PadTokenId;
                mask[offset + t] = real ? 1 : 0;
                if (types is not null)
                {
                    types[offset + t] = real ? text.TypeIds[t] : 0;
                }
            }
        }
    }
}
