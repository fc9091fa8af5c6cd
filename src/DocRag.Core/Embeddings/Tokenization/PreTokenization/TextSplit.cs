namespace DocRag.Core.Embeddings.Tokenization.PreTokenization;

/// <summary>
/// A piece of normalized text: a slice of <paramref name="Text"/>, so splitting allocates nothing.
/// <paramref name="AtStart"/>: the piece begins at the start of the original input (Metaspace's
/// <c>prepend_scheme: first</c> reads it). <paramref name="LeadingAligned"/>: its first character is the original's
/// first (normalization dropped nothing before it), which a slice at offset 0 needs to begin the input too.
/// </summary>
internal readonly record struct TextSplit(string Text, int Start, int Length, bool AtStart, bool LeadingAligned = true)
{
    public ReadOnlySpan<char> Span => Text.AsSpan(Start, Length);

    public TextSplit Slice(int offset, int length) => new(Text, Start + offset, length, AtStart && LeadingAligned && offset == 0);
}
