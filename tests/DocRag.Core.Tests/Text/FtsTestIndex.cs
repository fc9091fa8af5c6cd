using DocRag.Core.Text;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Tests.Text;

/// <summary>
/// A real SQLite file with a contentless FTS5 table (tokenizer <c>unicode61 remove_diacritics 2</c>), filled
/// through <see cref="SearchText.ForIndex"/>: the setup the index uses.
/// </summary>
public sealed class FtsTestIndex : IDisposable
{
    private readonly TempDirectory _directory = new("docrag-fts");
    private readonly SqliteConnection _connection;

    public FtsTestIndex()
    {
        _connection = new SqliteConnection($"Data Source={_directory.Combine("fts.db")};Pooling=False");
        _connection.Open();
        Execute("CREATE VIRTUAL TABLE chunks USING fts5(text, content='', tokenize='unicode61 remove_diacritics 2')");
    }

    /// <summary>Adds the rows in one transaction, each text analysed in its language.</summary>
    public void Add(params (long RowId, string Text, TextLanguage Language)[] rows)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var (rowId, text, language) in rows)
        {
            using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO chunks(rowid, text) VALUES ($id, $text)";
            insert.Parameters.AddWithValue("$id", rowId);
            insert.Parameters.AddWithValue("$text", SearchText.ForIndex(text, language));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The row ids matching a MATCH expression, best bm25 first.</summary>
    public List<long> Search(string match)
    {
        using var query = _connection.CreateCommand();
        query.CommandText = "SELECT rowid FROM chunks WHERE chunks MATCH $match ORDER BY bm25(chunks)";
        query.Parameters.AddWithValue("$match", match);
        using var reader = query.ExecuteReader();
        var rows = new List<long>();
        while (reader.Read())
        {
            rows.Add(reader.GetInt64(0));
        }

        return rows;
    }

    /// <summary>The rows a user query finds (any clause), or none when it analyses to nothing.</summary>
    public List<long> Find(string userQuery) => SearchText.ForQuery(userQuery) is { } q ? Search(q.MatchAny) : [];

    public void Dispose()
    {
        _connection.Dispose();
        _directory.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
