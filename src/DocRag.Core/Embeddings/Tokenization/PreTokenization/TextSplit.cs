namespace DocRag.Core.Embeddings.Tokenization.PreTokenization;

/// <summary>
/// A piece of normalized text: a slice of <paramref name="Text"/>, so splitting allocates nothing.
/// <paramref name="AtStart"/>: the piece begins the input (Metaspace's <c>prepend_scheme: first</c> reads it).
/// </summary>
internal readonly record struct TextSplit(string Text, int Start, int Length, bool AtStart)
{
    public ReadOnlySpan<char> Span => Text.AsSpan(Start, Length);

    public TextSplit Slice(int offset, int length) => new(Text, Start + offset, length, AtStart && offset == 0);
}
