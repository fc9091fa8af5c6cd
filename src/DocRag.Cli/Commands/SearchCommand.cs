using System.CommandLine;
using System.Text.Json;
using DocRag.Core.Retrieval;
using DocRag.Server.Endpoints;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Cli.Commands;

/// <summary>
/// <c>docrag search QUERY [--top N] [--mode keyword|vector|hybrid] [--collection C] [--type T] [--json]</c>: a table of
/// hits, or the same JSON as <c>POST /v1/search</c>.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var query = new Argument<string>("query") { Description = "What to search for (plain text)" };
        var top = new Option<int>("--top", "-k") { Description = $"How many hits (1-{SearchRequest.MaxTopK})", DefaultValueFactory = _ => SearchRequest.DefaultTopK };
        var mode = new Option<string?>("--mode", "-m") { Description = "keyword, vector or hybrid (default: hybrid when an embedding model is loaded, else keyword)" };
        mode.AcceptOnlyFromAmong([.. SearchModes.Codes]);
        var collection = new Option<string?>("--collection", "-c") { Description = "Only this collection" };
        var type = new Option<string?>("--type") { Description = "Only this document type (pdf, docx, md, html, txt, ...)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (the shape of POST /v1/search)" };
        var command = new Command("search", "Search the indexed documents") { query, top, mode, collection, type, json };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(parseResult, async () =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var topK = parseResult.GetValue(top);
            if (topK is < 1 or > SearchRequest.MaxTopK)
            {
                await error.WriteLineAsync($"error: --top must be between 1 and {SearchRequest.MaxTopK}").ConfigureAwait(false);
                return CommandErrors.Failed;
            }

            var text = parseResult.GetValue(query) ?? "";
            if (string.IsNullOrWhiteSpace(text) || text.Length > SearchRequest.MaxQueryLength)
            {
                await error.WriteLineAsync($"error: the query must have 1 to {SearchRequest.MaxQueryLength} characters and not be blank").ConfigureAwait(false);
                return CommandErrors.Failed;
            }

            SearchMode? searchMode = SearchModes.TryParse(parseResult.GetValue(mode), out var parsed) ? parsed : null;
            using var services = CliServices.Build(parseResult, global);
            SearchResult result;
            try
            {
                result = await services.GetRequiredService<SearchService>().SearchAsync(
                    new SearchRequest(text, topK, searchMode, parseResult.GetValue(collection), FileType: parseResult.GetValue(type)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (SearchModeUnavailableException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return CommandErrors.Failed;
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(SearchResponse.From(text, result), CliJson.Options)).ConfigureAwait(false);
            }
            else
            {
                SearchTable.Write(output, result);
            }

            return 0;
        }));
        return command;
    }
}
