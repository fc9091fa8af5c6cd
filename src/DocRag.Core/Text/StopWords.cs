using System.Collections.Frozen;

namespace DocRag.Core.Text;

/// <summary>
/// English and Spanish stop words: based on the Snowball lists, kept modest so that meaningful words survive
/// (Spanish "estado", "tiene" and English "can", "will" stay searchable). Compared in folded form, so "más" and "mas",
/// "qué" and "que" are the same stop word.
/// </summary>
public static partial class StopWords
{
    private static readonly FrozenSet<string> EnglishSet = Folded(EnglishWords);
    private static readonly FrozenSet<string> SpanishSet = Folded(SpanishWords);

    /// <summary>The stop words of <paramref name="language"/> in folded form; empty for <see cref="TextLanguage.Other"/>.</summary>
    public static IReadOnlySet<string> For(TextLanguage language) => language switch
    {
        TextLanguage.English => EnglishSet,
        TextLanguage.Spanish => SpanishSet,
        _ => FrozenSet<string>.Empty,
    };

    /// <summary>Whether <paramref name="foldedWord"/> (lower case, diacritics folded) is a stop word of <paramref name="language"/>.</summary>
    public static bool IsStopWord(string foldedWord, TextLanguage language) => language switch
    {
        TextLanguage.English => EnglishSet.Contains(foldedWord),
        TextLanguage.Spanish => SpanishSet.Contains(foldedWord),
        _ => false,
    };

    private static FrozenSet<string> Folded(string words) =>
        words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(TextFolding.Fold)
            .ToFrozenSet(StringComparer.Ordinal);
}
