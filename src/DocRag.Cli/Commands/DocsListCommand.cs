using System.CommandLine;
using System.Text.Json;
using DocRag.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Cli.Commands;

/// <summary><c>docrag docs list [--status indexed|failed] [--collection NAME] [--json]</c>.</summary>
internal static class DocsListCommand
{
    public static Command Create(GlobalOptions global)
    {
        var status = new Option<string?>("--status") { Description = "Only documents with this status: indexed or failed" };
        status.AcceptOnlyFromAmong("indexed", "failed");
        var collection = new Option<string?>("--collection", "-c") { Description = "Only this collection" };
        var json = new Option<bool>("--json") { Description = "JSON array (path, collection, status, error, chunkCount, ...)" };
        var command = new Command("list", "List documents with their status, error and chunk count") { status, collection, json };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(parseResult, async () =>
        {
            using var services = CliServices.Build(parseResult, global);
            var store = services.GetRequiredService<IndexStore>();
            var documents = new List<StoredDocument>();
            for (var offset = 0; ; offset += 1000)
            {
                var page = await store.ListDocumentsAsync(
                    new DocumentQuery(parseResult.GetValue(collection), DocumentStatusExtensions.ParseStatus(parseResult.GetValue(status)), offset, 1000),
                    cancellationToken).ConfigureAwait(false);
                documents.AddRange(page.Items);
                if (page.Items.Count < 1000)
                {
                    break;
                }
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(documents.Select(DocumentView.From), CliJson.Options)).ConfigureAwait(false);
                return 0;
            }

            if (documents.Count == 0)
            {
                await output.WriteLineAsync("no documents").ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync($"{"ID",6}  {"STATUS",-7}  {"CHUNKS",6}  {"COLLECTION",-16}  PATH / ERROR").ConfigureAwait(false);
            foreach (var d in documents)
            {
                var error = d.Error is null ? "" : $"  [{d.Error}: {d.Reason}]";
                await output.WriteLineAsync($"{d.Id,6}  {d.Status.ToCode(),-7}  {d.ChunkCount,6}  {d.Collection,-16}  {d.Path}{error}").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }
}
