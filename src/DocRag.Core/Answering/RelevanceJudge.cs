using System.Globalization;
using DocRag.Core.Retrieval;
using DocRag.Core.Text;

namespace DocRag.Core.Answering;

/// <summary>
/// Decides whether the passages a search found can answer the question, from what the index knows rather than from the
/// fused score (which is only comparable within one result list):
/// <list type="bullet">
/// <item><b>Rare-word coverage</b>: each question word is weighted by its inverse document frequency in this index, and
/// the best passage must hold at least <see cref="AnsweringOptions.MinCoverage"/> of the weight (less in a small index,
/// <see cref="RequiredCoverage"/>). A question about
/// something the documents never mention ("What is the context length of Mistral 7B?") leaves its rarest words
/// uncovered; one they answer shares them with the answering passage. The weights come from the index, so the same
/// share means the same thing in a small folder and a large one.</item>
/// <item><b>Unknown names</b>: a one-word name in the question (a capitalised word of letters not at a sentence start, "Tesla", "LoRA")
/// that no chunk of the whole index holds: the documents are not about it (<see cref="AnsweringOptions.UnknownNames"/>).</item>
/// <item><b>Embedder similarity</b>: when vector search ran, with a question and passage in a language the model reads,
/// the closest passage must be at least <see cref="AnsweringOptions.MinSimilarity"/> similar to the question.</item>
/// </list>
/// A passage in another language than the question is judged on the words both languages share (names, numbers, codes,
/// cognates) and on similarity only: a question asked in Spanish of an English guide is not refused for its Spanish words.
/// </summary>
internal sealed class RelevanceJudge(Func<IReadOnlyList<string>, CancellationToken, Task<(long Chunks, long[] Matching)>> frequencies, AnsweringOptions options)
{
    /// <summary>How many chunks the uniform prior on word weights counts as (<see cref="Weight"/>).</summary>
    internal const int PriorChunks = 20;

    private static readonly TextAnalyzer CrossLanguage = new(alwaysCrossLanguage: true);

    /// <summary>Judges <paramref name="hits"/> (best first) for <paramref name="question"/>.</summary>
    public async Task<RelevanceVerdict> JudgeAsync(string question, TextLanguage language, IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(hits);
        var query = CrossLanguage.ForQuery(question);
        if (query is null || hits.Count == 0)
        {
            return new RelevanceVerdict(hits.Count > 0, null, new RelevanceSignals(hits.Count > 0 ? 1 : 0, null, [], [], null));
        }

        var clauses = query.Clauses;
        var names = Names(question);
        var (chunks, matching) = await frequencies([.. clauses.Select(Match)], cancellationToken).ConfigureAwait(false);
        var weights = matching.Select(df => Weight(chunks, df)).ToArray();
        var judged = hits.Take(options.JudgedPassages).ToList();
        var covered = new bool[clauses.Count];
        var held = new int[clauses.Count];
        var coverage = 0.0;
        for (var h = 0; h < judged.Count; h++)
        {
            var hit = judged[h];
            var terms = PassageTerms(hit);
            var crossLanguage = IsCrossLanguage(language, hit.Language);
            double have = 0, total = 0;
            for (var i = 0; i < clauses.Count; i++)
            {
                var holds = clauses[i].Variants.Any(v => v.Split(' ').All(terms.Contains));
                covered[i] |= holds;
                held[i] |= holds ? 1 << h : 0;
                if (crossLanguage && !holds && !IsLanguageNeutral(clauses[i], names))
                {
                    continue; // a word of the question's language cannot be expected in a passage of another
                }

                total += weights[i];
                have += holds ? weights[i] : 0;
            }

            coverage = Math.Max(coverage, total > 0 ? have / total : 1);
        }

        var missing = Enumerable.Range(0, clauses.Count).Where(i => !covered[i]).OrderByDescending(i => weights[i]).Select(i => clauses[i].Text).ToArray();
        var unknown = Enumerable.Range(0, clauses.Count).Where(i => matching[i] == 0).Select(i => clauses[i].Text).ToArray();
        var similarity = Similarity(language, judged);
        var signals = new RelevanceSignals(Math.Round(coverage, 4), similarity is { } s ? Math.Round(s, 4) : null, missing, unknown, null)
        {
            Words = [.. clauses.Select((c, i) => (c.Text, matching[i], held[i], IsLanguageNeutral(c, names)))],
            IndexChunks = chunks,
            Passages = [.. judged.Select(h => (h.VectorSimilarity, IsCrossLanguage(language, h.Language)))],
        };
        // One-word names only: a code with digits ("YAP1", "DMT1") or a compound is often written another way in the text.
        var unknownNames = unknown.Where(w => names.Contains(w) && w.All(char.IsLetter)).ToArray();
        if (options.UnknownNames && unknownNames.Length > 0)
        {
            return new RelevanceVerdict(false, $"no passage mentions {Quoted(unknownNames)}", signals with { Decider = "unknown-name" });
        }

        if (coverage < RequiredCoverage(options.MinCoverage, chunks))
        {
            return new RelevanceVerdict(false, CoverageReason(missing, unknown, coverage), signals with { Decider = "coverage" });
        }

        if (similarity < options.MinSimilarity)
        {
            return new RelevanceVerdict(
                false,
                string.Create(CultureInfo.InvariantCulture, $"the closest passage is only {similarity:F2} similar to the question (at least {options.MinSimilarity:F2} is needed)"),
                signals with { Decider = "similarity" });
        }

        return new RelevanceVerdict(true, null, signals);
    }

    /// <summary>
    /// The coverage the best passage needs in an index of <paramref name="chunks"/>: <paramref name="minCoverage"/> in a
    /// large index, less in a small one, where a question word no chunk holds may just be phrased differently there and
    /// nothing tells how rare it is (the same prior as <see cref="Weight"/>: near 0 for a handful of chunks).
    /// </summary>
    internal static double RequiredCoverage(double minCoverage, long chunks) => minCoverage * chunks / (chunks + PriorChunks);

    /// <summary>
    /// A word's weight: its IDF, shrunk towards 1 in a small index (<see cref="PriorChunks"/>), where a word missing from a
    /// handful of chunks says little about how rare it is ("altura" in a four-chunk index is not a rare word).
    /// </summary>
    internal static double Weight(long chunks, long matching) => ((chunks * Idf(chunks, matching)) + PriorChunks) / (chunks + PriorChunks);

    /// <summary>BM25's inverse document frequency: large for a word few chunks hold, near 0 for one most hold.</summary>
    internal static double Idf(long chunks, long matching) => Math.Log(1 + ((chunks - matching + 0.5) / (matching + 0.5)));

    /// <summary>Every form the passage's words are indexed as: its language's analysis and the plain folded words, title and headings included.</summary>
    private static HashSet<string> PassageTerms(SearchHit hit)
    {
        var text = string.Join('\n', [hit.Title, .. hit.HeadingPath, hit.Text]);
        var terms = new HashSet<string>(SearchText.Terms(text, hit.Language), StringComparer.Ordinal);
        foreach (var other in (TextLanguage[])[TextLanguage.English, TextLanguage.Spanish, TextLanguage.Other])
        {
            if (other != hit.Language)
            {
                terms.UnionWith(SearchText.Terms(text, other));
            }
        }

        return terms;
    }

    private static bool IsCrossLanguage(TextLanguage question, TextLanguage passage) =>
        question != TextLanguage.Other && passage != TextLanguage.Other && question != passage;

    /// <summary>Names, numbers and codes read the same in any language; so does a word whose stems agree across languages.</summary>
    private static bool IsLanguageNeutral(FtsQueryClause clause, HashSet<string> names) =>
        names.Contains(clause.Text) || clause.Text.Any(c => char.IsDigit(c) || c is '.' or '_' or '-' or '/') || clause.Variants.Count == 1;

    /// <summary>The question's names (capitalised words not at a sentence start: "Tesla", "LoRA"), in clause form.</summary>
    private static HashSet<string> Names(string question) =>
        [.. TextTokenizer.Tokenize(question).Where(u => u.IsName).Select(u => string.Join(' ', u.Parts.Select(TextFolding.Fold)))];

    /// <summary>The best similarity of a passage found by meaning, where the model reads both languages (English, for the bundled English models).</summary>
    private static double? Similarity(TextLanguage language, IReadOnlyList<SearchHit> hits)
    {
        if (language == TextLanguage.Spanish)
        {
            return null;
        }

        var similarities = hits.Where(h => h.Language != TextLanguage.Spanish).Select(h => h.VectorSimilarity).OfType<double>().ToArray();
        return similarities.Length == 0 ? null : similarities.Max();
    }

    /// <summary>Chunks holding the word in any of its forms; a compound ("fast-twitch") counts where all its parts are, as coverage reads it.</summary>
    private static string Match(FtsQueryClause clause) => string.Join(" OR ", clause.Variants.Select(v => v.Contains(' ', StringComparison.Ordinal)
        ? "(" + string.Join(" AND ", v.Split(' ').Select(FtsQuery.Quote)) + ")"
        : FtsQuery.Quote(v)));

    private static string CoverageReason(string[] missing, string[] unknown, double coverage)
    {
        var share = coverage.ToString("P0", CultureInfo.InvariantCulture);
        if (unknown.Length > 0)
        {
            return $"no passage mentions {Quoted(unknown)}; the closest passage holds {share} of the question's rarer words";
        }

        return missing.Length > 0
            ? $"the passages found do not mention {Quoted(missing)}; the closest holds {share} of the question's rarer words"
            : $"the closest passage holds only {share} of the question's rarer words";
    }

    private static string Quoted(string[] words) => words.Length switch
    {
        1 => $"'{words[0]}'",
        _ => string.Join(", ", words.Take(Math.Min(words.Length, 3) - 1).Select(w => $"'{w}'")) + $" or '{words[Math.Min(words.Length, 3) - 1]}'",
    };
}
