using System.Globalization;
using System.Text;

namespace DocRag.Core.Embeddings.Tokenization.PreTokenization;

/// <summary>
/// The <c>Whitespace</c> pre-tokenizer: the matches of <c>\w+|[^\w\s]+</c>, i.e. runs of word characters and runs of
/// other non-space characters.
/// </summary>
internal sealed class WhitespacePreTokenizer : IPreTokenizer
{
    private enum Kind
    {
        Space,
        Word,
        Other,
    }

    public void Split(TextSplit split, List<TextSplit> output)
    {
        var span = split.Span;
        var runStart = -1;
        var runKind = Kind.Space;
        for (var i = 0; i < span.Length;)
        {
            var kind = Classify(UnicodeText.RuneAt(span, i, out var length));
            if (kind != runKind)
            {
                if (runKind != Kind.Space)
                {
                    output.Add(split.Slice(runStart, i - runStart));
                }

                runStart = i;
                runKind = kind;
            }

            i += length;
        }

        if (runKind != Kind.Space)
        {
            output.Add(split.Slice(runStart, span.Length - runStart));
        }
    }

    private static Kind Classify(Rune rune)
    {
        if (UnicodeText.IsWhitespace(rune))
        {
            return Kind.Space;
        }

        // Regex \w as the reference's (Rust) regex has it: alphabetic (letters, letter numbers), marks, decimal digits,
        // connector punctuation and the join controls ZWNJ and ZWJ.
        if (rune.Value is 0x200C or 0x200D)
        {
            return Kind.Word;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber
                or UnicodeCategory.ConnectorPunctuation => Kind.Word,
            _ => Kind.Other,
        };
    }
}
