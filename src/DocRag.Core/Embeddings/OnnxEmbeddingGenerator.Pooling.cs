using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace DocRag.Core.Embeddings;

/// <summary>Turning the model's output into one unit-length vector per text.</summary>
public sealed partial class OnnxEmbeddingGenerator
{
    private void ReadVectors(OrtValue output, ReadOnlySpan<int> batch, int rows, int sequence, ReadOnlySpan<long> mask, float[][] vectors, int? dimensions)
    {
        var shape = output.GetTensorTypeAndShape().Shape;
        var data = output.GetTensorDataAsSpan<float>();
        if (_outputIsPooled)
        {
            if (shape.Length != 2 || shape[0] != rows)
            {
                throw new EmbeddingModelException($"The model '{_session.ModelPath}' returned '{_outputName}' of shape [{string.Join(", ", shape)}] for {rows} texts.");
            }

            var width = (int)shape[1];
            for (var row = 0; row < rows; row++)
            {
                vectors[batch[row]] = Finish(data.Slice(row * width, width).ToArray(), dimensions);
            }

            return;
        }

        if (shape.Length != 3 || shape[0] != rows || shape[1] != sequence)
        {
            throw new EmbeddingModelException($"The model '{_session.ModelPath}' returned '{_outputName}' of shape [{string.Join(", ", shape)}] for a batch of [{rows}, {sequence}].");
        }

        var hidden = (int)shape[2];
        for (var row = 0; row < rows; row++)
        {
            var tokens = data.Slice(row * sequence * hidden, sequence * hidden);
            vectors[batch[row]] = Finish(Pool(Folder.Pooling, tokens, mask.Slice(row * sequence, sequence), hidden), dimensions);
        }
    }

    /// <summary>One text's token vectors [sequence, hidden] pooled over its real tokens.</summary>
    internal static float[] Pool(EmbeddingPooling pooling, ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int hidden)
    {
        var result = new float[hidden];
        if (pooling == EmbeddingPooling.Cls)
        {
            tokens[..hidden].CopyTo(result);
            return result;
        }

        var count = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] == 0)
            {
                continue;
            }

            var token = tokens.Slice(t * hidden, hidden);
            if (pooling == EmbeddingPooling.Max)
            {
                if (count == 0)
                {
                    token.CopyTo(result);
                }
                else
                {
                    TensorPrimitives.Max(result, token, result);
                }
            }
            else
            {
                TensorPrimitives.Add(result, token, result);
            }

            count++;
        }

        if (pooling == EmbeddingPooling.Mean && count > 0)
        {
            TensorPrimitives.Divide(result, count, result);
        }

        return result;
    }

    /// <summary>Keeps the leading <paramref name="dimensions"/> (when asked) and scales to unit length; a zero vector stays zero.</summary>
    internal static float[] Finish(float[] vector, int? dimensions)
    {
        if (dimensions is { } keep && keep < vector.Length)
        {
            vector = vector[..keep];
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0f && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}
