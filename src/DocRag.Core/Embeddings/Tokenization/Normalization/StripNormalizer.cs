namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>Removes leading and/or trailing whitespace.</summary>
internal sealed class StripNormalizer(bool left, bool right) : ITextNormalizer
{
    public string Normalize(string text, ref bool leadingAligned)
    {
        var span = text.AsSpan();
        var start = 0;
        var end = span.Length;
        if (left)
        {
            while (start < end && char.IsWhiteSpace(span[start]))
            {
                start++;
            }
        }

        if (right)
        {
            while (end > start && char.IsWhiteSpace(span[end - 1]))
            {
                end--;
            }
        }

        leadingAligned &= start == 0 || start == end;
        return start == 0 && end == span.Length ? text : text[start..end];
    }
}
