using System.Text;

namespace DocRag.Core.Embeddings.Tokenization.PreTokenization;

/// <summary>
/// SentencePiece's word boundary: spaces become the replacement character ("▁"), one is put in front per
/// <see cref="PrependScheme"/>, and with <c>split</c> each replacement starts a new piece (merged with what follows).
/// </summary>
internal sealed class MetaspacePreTokenizer(char replacement, PrependScheme prependScheme, bool splitOnReplacement) : IPreTokenizer
{
    public void Split(TextSplit piece, List<TextSplit> output)
    {
        var source = piece.Span;
        if (source.IsEmpty)
        {
            return;
        }

        // Spaces become the replacement first, so text that starts with a space gets no second one.
        var prepend = source[0] != replacement && source[0] != ' ' && (prependScheme == PrependScheme.Always
            || (prependScheme == PrependScheme.First && piece.AtStart));
        var builder = new StringBuilder(source.Length + 1);
        if (prepend)
        {
            builder.Append(replacement);
        }

        foreach (var ch in source)
        {
            builder.Append(ch == ' ' ? replacement : ch);
        }

        var text = builder.ToString();
        if (!splitOnReplacement)
        {
            output.Add(new TextSplit(text, 0, text.Length, piece.AtStart));
            return;
        }

        // MergedWithNext: a replacement opens a piece unless the next character is a replacement too.
        var pieceStart = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == replacement)
            {
                output.Add(new TextSplit(text, pieceStart, i - pieceStart, piece.AtStart && pieceStart == 0));
                pieceStart = i;
            }
        }

        output.Add(new TextSplit(text, pieceStart, text.Length - pieceStart, piece.AtStart && pieceStart == 0));
    }
}
