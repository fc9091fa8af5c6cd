using Microsoft.ML.OnnxRuntime.Tensors;

namespace DocRag.Core.Embeddings;

/// <summary>Which of the standard encoder inputs a model takes, discovered from its session.</summary>
internal sealed record ModelInputs(bool HasAttentionMask, bool HasTokenTypeIds)
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";

    private static readonly string[] Known = [InputIds, AttentionMask, TokenTypeIds];

    public int Count => 1 + (HasAttentionMask ? 1 : 0) + (HasTokenTypeIds ? 1 : 0);

    public static ModelInputs From(OnnxModelSession session)
    {
        var names = session.Inputs.Select(i => i.Name).ToList();
        if (!names.Contains(InputIds))
        {
            throw new EmbeddingModelException(
                $"The model '{session.ModelPath}' has no '{InputIds}' input (it has: {string.Join(", ", names)}); it does not look like a transformer encoder.");
        }

        foreach (var input in session.Inputs)
        {
            if (!Known.Contains(input.Name))
            {
                throw new EmbeddingModelException(
                    $"The model '{session.ModelPath}' needs an input '{input.Name}' that DocRag cannot provide (it feeds {string.Join(", ", Known)}).");
            }

            if (input.ElementType != TensorElementType.Int64 || input.Dimensions.Count != 2)
            {
                throw new EmbeddingModelException(
                    $"The model '{session.ModelPath}' takes '{input.Name}' as {input.ElementType} {input.ShapeText}; DocRag feeds int64 [batch, sequence].");
            }
        }

        return new ModelInputs(names.Contains(AttentionMask), names.Contains(TokenTypeIds));
    }
}
