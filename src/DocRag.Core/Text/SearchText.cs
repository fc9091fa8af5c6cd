namespace DocRag.Core.Text;

/// <summary>
/// Turns text into the terms the full-text index stores and queries match (see <see cref="TextAnalyzer"/>).
/// Index and query go through the same code so they always agree. The FTS5 table stores <see cref="ForIndex"/>
/// output with the tokenizer <c>unicode61 remove_diacritics 2</c> and is searched with <see cref="ForQuery"/>.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// The version of the index analysis. Bump it whenever <see cref="ForIndex"/> output changes (tokenizer, stop
    /// words, stemmers): an index that records another version must be rebuilt, or its queries will not match.
    /// </summary>
    public const int AnalysisVersion = 1;

    /// <summary>The analysed form of <paramref name="text"/> for the FTS index: its terms joined by single spaces.</summary>
    public static string ForIndex(string text, TextLanguage language) => TextAnalyzer.Default.ForIndex(text, language);

    /// <summary>
    /// A user query as FTS5 MATCH expressions (every term quoted) plus its analysed terms; null when nothing
    /// searchable is left.
    /// </summary>
    public static FtsQuery? ForQuery(string query) => TextAnalyzer.Default.ForQuery(query);

    /// <summary>The analysed terms of <paramref name="text"/> in text order, as <see cref="ForIndex"/> stores them.</summary>
    public static IReadOnlyList<string> Terms(string text, TextLanguage language) => TextAnalyzer.Default.Terms(text, language);

    /// <summary>
    /// The lower-case, diacritic-free words of <paramref name="text"/> (letters and digits), split as the index splits
    /// them, neither stemmed nor stop-word filtered.
    /// </summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextTokenizer.Tokenize(text).SelectMany(u => u.Parts).Select(TextFolding.Fold);
    }
}
