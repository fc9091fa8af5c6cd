using System.Globalization;
using System.Text;
using DocRag.Core.Storage;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>
/// The content of an index, independent of ids and write order: documents by path with their chunks, FTS rows and
/// vectors. Two indexes of the same folder must have equal snapshots however they got there.
/// </summary>
internal static class IndexSnapshot
{
    public static async Task<string> CaptureAsync(IndexStore store, Func<string, string>? mapPath = null)
    {
        mapPath ??= p => p;
        var sb = new StringBuilder();
        sb.Append("model ").AppendLine((await store.GetEmbeddingModelAsync())?.ToString() ?? "none");
        var vectors = new Dictionary<long, float[]>();
        await foreach (var v in store.ReadVectorsAsync())
        {
            vectors[v.ChunkId.Value] = v.Vector.ToArray();
        }

        var ftsRows = new HashSet<long>();
        using (var connection = await store.OpenReadConnectionAsync())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT rowid FROM chunks_fts";
            using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ftsRows.Add(reader.GetInt64(0));
            }
        }

        var page = await store.ListDocumentsAsync(new DocumentQuery(Limit: 10_000));
        var chunkCount = 0;
        foreach (var d in page.Items.OrderBy(d => mapPath(d.Path), StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"doc {mapPath(d.Path)} [{d.Collection}] {d.Type} {d.Status} {d.Error} {d.Fingerprint.Sha256} {d.Fingerprint.Size} title={d.Title} pages={d.Pages} lang={d.Language} note={d.Note} chunks={d.ChunkCount}").AppendLine();
            foreach (var c in await store.GetDocumentChunksAsync(d.Id))
            {
                chunkCount++;
                var vector = vectors.TryGetValue(c.Id.Value, out var found) ? string.Join(',', found.Select(x => x.ToString("F5", CultureInfo.InvariantCulture))) : "none";
                sb.Append(CultureInfo.InvariantCulture, $"  #{c.Ordinal} p{c.PageStart}-{c.PageEnd} {c.CharStart}-{c.CharEnd} t{c.TokenCount} h=[{string.Join(" > ", c.HeadingPath)}] fts={ftsRows.Contains(c.Id.Value)} v={vector}").AppendLine();
                sb.Append("    ").AppendLine(c.Text);
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"fts rows {ftsRows.Count} chunks {chunkCount} vectors {vectors.Count}").AppendLine();
        return sb.ToString();
    }
}
