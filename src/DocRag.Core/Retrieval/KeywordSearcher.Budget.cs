using System.Collections.Concurrent;
using System.Globalization;
using DocRag.Core.Text;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Retrieval;

internal sealed partial class KeywordSearcher
{
    private const int MaxCachedPhrases = 100_000;

    // Rows per phrase, for choosing the rare clauses; counted once and kept while the index stays about the same size.
    private readonly ConcurrentDictionary<string, long> _rowCounts = new(StringComparer.Ordinal);
    private long _rowCountsIndexSize = -1;

    /// <summary>
    /// The MATCH expressions of a query split by rarity: its rarest clauses up to <paramref name="budget"/> rows (at least
    /// one clause), and the phrases of the other clauses not already among them; null when the whole query fits the budget.
    /// </summary>
    private async Task<(string Rare, string? Common)?> PlanAsync(SqliteConnection connection, FtsQuery query, int budget, CancellationToken cancellationToken)
    {
        await ResetCountsIfResizedAsync(connection, cancellationToken).ConfigureAwait(false);
        var clauses = new List<(FtsQueryClause Clause, string[] Phrases, long Rows)>();
        foreach (var clause in query.Clauses)
        {
            var phrases = Phrases(clause).ToArray();
            long rows = 0;
            foreach (var phrase in phrases)
            {
                rows += await RowsAsync(connection, phrase, cancellationToken).ConfigureAwait(false);
            }

            clauses.Add((clause, phrases, rows));
        }

        if (clauses.Sum(c => c.Rows) <= budget)
        {
            return null;
        }

        var rare = new List<string>();
        var common = new List<string>();
        long kept = 0;
        foreach (var (_, phrases, rows) in clauses.OrderBy(c => c.Rows).ThenBy(c => c.Clause.Text, StringComparer.Ordinal))
        {
            if (rare.Count == 0 || kept + rows <= budget)
            {
                rare.AddRange(phrases);
                kept += rows;
            }
            else
            {
                common.AddRange(phrases);
            }
        }

        // Each phrase once across both sides, so the second query's bm25 counts every phrase of the query exactly once.
        var rareSet = rare.ToHashSet(StringComparer.Ordinal);
        var commonOnly = common.Where(p => !rareSet.Contains(p)).Distinct(StringComparer.Ordinal).ToArray();
        return (Or(rareSet), commonOnly.Length == 0 ? null : Or(commonOnly));
    }

    /// <summary>A clause's phrases as <see cref="FtsQuery.MatchAny"/> lists them: each variant, and a multi-word variant's words.</summary>
    private static IEnumerable<string> Phrases(FtsQueryClause clause) =>
        clause.Variants.SelectMany(v => v.Contains(' ', StringComparison.Ordinal) ? [v, .. v.Split(' ')] : new[] { v }).Distinct(StringComparer.Ordinal);

    private static string Or(IEnumerable<string> phrases) => string.Join(" OR ", phrases.Select(FtsQuery.Quote));

    private async Task<long> RowsAsync(SqliteConnection connection, string phrase, CancellationToken cancellationToken)
    {
        if (_rowCounts.TryGetValue(phrase, out var rows))
        {
            return rows;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH $match";
        command.Parameters.AddWithValue("$match", FtsQuery.Quote(phrase));
        rows = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (_rowCounts.Count >= MaxCachedPhrases)
        {
            _rowCounts.Clear();
        }

        _rowCounts[phrase] = rows;
        return rows;
    }

    /// <summary>Forgets the counts once the index has grown or shrunk by a fifth (by its highest chunk id, read in microseconds).</summary>
    private async Task ResetCountsIfResizedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM chunks";
        var size = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var known = Interlocked.Read(ref _rowCountsIndexSize);
        if (known < 0 || Math.Abs(size - known) > known / 5)
        {
            _rowCounts.Clear();
            Interlocked.Exchange(ref _rowCountsIndexSize, size);
        }
    }
}
