using System.Text;

namespace DocRag.Core.Text;

/// <summary>
/// The language analysis shared by the index and the queries. A document's terms are analysed in its own language:
/// lower case, stop words removed, stemmed (English: fold then stem; Spanish: stem with accents, then fold), and
/// plain folded terms for other languages. Codes and numbers ("7b", "q4_k_m") are kept as written, never stemmed.
/// A query's language is uncertain, so its words match the forms a document may have stored them as: the stem of the
/// query's language and the plain form, and for names or a query in unknown language both stems and the plain form.
/// </summary>
/// <remarks>
/// <see cref="Default"/> is what DocRag indexes and searches with; the switches exist to measure their effect
/// (bench <c>fts-analysis</c>). An index and its queries must use the same settings.
/// </remarks>
public sealed partial class TextAnalyzer(bool removeStopWords = true, bool stem = true, bool alwaysCrossLanguage = false)
{
    /// <summary>A query longer than this keeps its first clauses only (a pasted page is not a useful query).</summary>
    public const int MaxQueryClauses = 64;

    private static readonly TextLanguage[] QueryVariantLanguages = [TextLanguage.English, TextLanguage.Spanish, TextLanguage.Other];

    /// <summary>Stop words removed and English/Spanish stemming on: the analysis DocRag uses.</summary>
    public static TextAnalyzer Default { get; } = new();

    public bool RemoveStopWords { get; } = removeStopWords;

    public bool Stem { get; } = stem;

    /// <summary>
    /// Whether every query word matches its English stem, Spanish stem and plain form. By default only words of a
    /// query in unknown language, and names, do; the other words of a detected English (Spanish) query match their
    /// English (Spanish) stem and plain form, because the other language's stem of a common word is often a
    /// different word ("higher" is Spanish-stemmed "high", "gene" "gen").
    /// </summary>
    public bool AlwaysCrossLanguage { get; } = alwaysCrossLanguage;

    /// <summary>The analysed terms of <paramref name="text"/> in <paramref name="language"/>, joined by single spaces.</summary>
    public string ForIndex(string text, TextLanguage language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var term in Terms(text, language))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(term);
        }

        return sb.ToString();
    }

    /// <summary>The analysed terms of <paramref name="text"/> in <paramref name="language"/>, in text order.</summary>
    public IReadOnlyList<string> Terms(string text, TextLanguage language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        foreach (var unit in TextTokenizer.Tokenize(text))
        {
            terms.AddRange(AnalyseUnit(unit, language));
        }

        return terms;
    }

    private IEnumerable<string> AnalyseUnit(TextUnit unit, TextLanguage language)
    {
        foreach (var part in unit.Parts)
        {
            var folded = TextFolding.Fold(part);
            if (unit.Kind is TextUnitKind.Literal or TextUnitKind.Cjk || HasDigit(part))
            {
                yield return folded;
            }
            else if (!RemoveStopWords || !StopWords.IsStopWord(folded, language))
            {
                yield return Stem ? StemWord(part, folded, language) : folded;
            }
        }
    }

    private static string StemWord(string part, string folded, TextLanguage language)
    {
        if (language == TextLanguage.Other || !IsLatin(part))
        {
            return folded;
        }

        return language == TextLanguage.English
            ? EnglishStemmer.Stem(folded)
            : TextFolding.Fold(SpanishStemmer.Stem(RestoreCionAccent(TextFolding.FoldForSpanish(part))));
    }

    /// <summary>
    /// "-acion" and "-ucion" written without their accent (common in queries typed in haste) get it back, so they
    /// stem like "-ación" and "-ución"; Spanish spelling always accents these endings. This is the rule Snowball 3.0
    /// added to its Spanish stemmer for missing accents.
    /// </summary>
    private static string RestoreCionAccent(string word) =>
        word.EndsWith("acion", StringComparison.Ordinal) || word.EndsWith("ucion", StringComparison.Ordinal)
            ? string.Concat(word.AsSpan(0, word.Length - 2), "ón")
            : word;

    private static bool HasDigit(string part)
    {
        foreach (var c in part)
        {
            if (char.IsNumber(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the word is written in Latin letters, the only ones the stemmers know.</summary>
    private static bool IsLatin(string word)
    {
        foreach (var c in word)
        {
            if (c > '\u024F' || !char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
