using System.CommandLine;
using System.Text.Json;
using DocRag.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Cli.Commands;

/// <summary><c>docrag docs show ID [--json]</c>: one document's facts and its chunks.</summary>
internal static class DocsShowCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Argument<string>("id") { Description = "Document id (from docs list)" };
        var json = new Option<bool>("--json") { Description = "JSON object" };
        var command = new Command("show", "Show a document: path, collection, status, error, chunks") { id, json };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(parseResult, async () =>
        {
            var text = parseResult.GetValue(id);
            if (!DocumentId.TryParse(text, out var documentId))
            {
                throw new ArgumentException($"'{text}' is not a document id (a positive number from `docrag docs list`)");
            }

            using var services = CliServices.Build(parseResult, global);
            var store = services.GetRequiredService<IndexStore>();
            var document = await store.GetDocumentAsync(documentId, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"no document with id {documentId}");
            var chunks = await store.GetDocumentChunksAsync(documentId, cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                var view = new
                {
                    Document = DocumentView.From(document),
                    Chunks = chunks.Select(c => new { c.Ordinal, c.PageStart, c.PageEnd, Heading = c.HeadingPath, c.TokenCount, c.CharStart, c.CharEnd, c.Text }),
                };
                await output.WriteLineAsync(JsonSerializer.Serialize(view, CliJson.Options)).ConfigureAwait(false);
                return 0;
            }

            var v = DocumentView.From(document);
            await output.WriteLineAsync($"id:         {v.Id}\npath:       {v.Path}\ncollection: {v.Collection}\ntype:       {v.Type}\nstatus:     {v.Status}").ConfigureAwait(false);
            if (v.Error is not null)
            {
                await output.WriteLineAsync($"error:      {v.Error}: {v.Reason}").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"title:      {v.Title}\npages:      {v.Pages}\nlanguage:   {v.Language}\nnote:       {v.Note}\nsha256:     {v.Sha256}\nsize:       {v.Size}\nindexed at: {v.IndexedAt:u}\nchunks:     {v.ChunkCount}").ConfigureAwait(false);
            foreach (var c in chunks)
            {
                var preview = c.Text.ReplaceLineEndings(" ");
                preview = preview.Length > 80 ? preview[..80] + "…" : preview;
                await output.WriteLineAsync($"  #{c.Ordinal,-4} p{c.PageStart}{(c.PageEnd != c.PageStart ? $"-{c.PageEnd}" : "")}  {string.Join(" > ", c.HeadingPath)}  {c.TokenCount} tokens  {preview}").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }
}
