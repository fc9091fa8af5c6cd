namespace DocRag.Core.Text;

/// <summary>Query analysis: clauses with one variant per way a document may have stored the word.</summary>
public sealed partial class TextAnalyzer
{
    /// <summary>
    /// Analyses a user query for the FTS index, or returns null when nothing searchable is left (empty, whitespace
    /// or punctuation only). Stop words of the query's language (of English and Spanish both, when the language is
    /// uncertain) are dropped unless that would leave nothing.
    /// </summary>
    public FtsQuery? ForQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var units = TextTokenizer.Tokenize(query);
        if (units.Count == 0)
        {
            return null;
        }

        var language = LanguageDetector.Detect(query);
        var kept = RemoveStopWords ? units.Where(u => !IsQueryStopWord(u, language)).ToList() : units;
        if (kept.Count == 0)
        {
            kept = units;
        }

        TextLanguage[] ownLanguage = [language, TextLanguage.Other];
        var clauses = new List<FtsQueryClause>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in kept)
        {
            var crossLanguage = AlwaysCrossLanguage || language == TextLanguage.Other || unit.IsName;
            var variants = (crossLanguage ? QueryVariantLanguages : ownLanguage)
                .Select(l => string.Join(' ', AnalyseUnit(unit, l)))
                .Where(v => v.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (variants.Count > 0 && seen.Add(string.Join('|', variants)))
            {
                clauses.Add(new FtsQueryClause(string.Join(' ', unit.Parts.Select(TextFolding.Fold)), variants));
            }

            if (clauses.Count == MaxQueryClauses)
            {
                break;
            }
        }

        return clauses.Count == 0 ? null : new FtsQuery(clauses, language);
    }

    /// <summary>A word (or compound of words) that is a stop word in the query's language, or in either list when unsure.</summary>
    private static bool IsQueryStopWord(TextUnit unit, TextLanguage language)
    {
        if (unit.Kind is not (TextUnitKind.Word or TextUnitKind.Compound))
        {
            return false;
        }

        return unit.Parts.All(part =>
        {
            var folded = TextFolding.Fold(part);
            return language == TextLanguage.Other
                ? StopWords.IsStopWord(folded, TextLanguage.English) || StopWords.IsStopWord(folded, TextLanguage.Spanish)
                : StopWords.IsStopWord(folded, language);
        });
    }
}
