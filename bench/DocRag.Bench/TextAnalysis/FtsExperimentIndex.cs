using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DocRag.Bench.TextAnalysis;

/// <summary>
/// An in-memory SQLite FTS5 table with title and text columns, one row per document, ranked by bm25 with a title
/// weight. Contentless (the index stores analysed terms only), like DocRag's own index.
/// </summary>
internal sealed class FtsExperimentIndex : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _rank;

    public FtsExperimentIndex(string tokenizer, double titleWeight)
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _rank = string.Create(CultureInfo.InvariantCulture, $"bm25(docs, {titleWeight:0.0##}, 1.0)");
        using var create = _connection.CreateCommand();
        create.CommandText = $"CREATE VIRTUAL TABLE docs USING fts5(title, text, content='', tokenize='{tokenizer}')";
        create.ExecuteNonQuery();
    }

    public void Add(IEnumerable<(long RowId, string Title, string Text)> rows)
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO docs(rowid, title, text) VALUES ($id, $title, $text)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        foreach (var row in rows)
        {
            id.Value = row.RowId;
            title.Value = row.Title;
            text.Value = row.Text;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The best <paramref name="limit"/> row ids for an FTS5 MATCH expression, best first.</summary>
    public List<long> Search(string match, int limit)
    {
        using var query = _connection.CreateCommand();
        query.CommandText = $"SELECT rowid FROM docs WHERE docs MATCH $match ORDER BY {_rank} LIMIT $limit";
        query.Parameters.AddWithValue("$match", match);
        query.Parameters.AddWithValue("$limit", limit);
        var rows = new List<long>(limit);
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.GetInt64(0));
        }

        return rows;
    }

    public void Dispose() => _connection.Dispose();
}
