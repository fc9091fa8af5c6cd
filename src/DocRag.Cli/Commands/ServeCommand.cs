using System.CommandLine;
using System.Globalization;
using DocRag.Core.Hosting;
using DocRag.Server;

namespace DocRag.Cli.Commands;

/// <summary>
/// <c>docrag serve [--urls URL] [--docs FOLDER]...</c>: runs the web page and REST API (the same host as DocRag.Server)
/// until Ctrl-C. Each <c>--docs</c> folder becomes an entry of <c>DocRag:Ingestion:Folders</c>, indexed and watched as a
/// collection by the server's background services.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The configuration key of the N-th watched folder's path (IngestionOptions.Folders).</summary>
    public static string FolderPathKey(int index) => string.Create(CultureInfo.InvariantCulture, $"DocRag:Ingestion:Folders:{index}:Path");

    public static Command Create(GlobalOptions global)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Addresses to listen on, ';'-separated (default: {DocRagWebApplication.DefaultUrl}; " +
                "a non-loopback address needs API keys)",
        };
        var docs = new Option<string[]>("--docs")
        {
            Description = "A folder to index and watch as a collection (repeat for more)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("serve", "Serve the web page and the REST API over the index") { urls, docs };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, global, urls, docs, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parseResult, GlobalOptions global, Option<string?> urls, Option<string[]> docs, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var folders = parseResult.GetValue(docs) ?? [];
        if (folders.FirstOrDefault(f => !Directory.Exists(f)) is { } missing)
        {
            await error.WriteLineAsync($"docrag: --docs folder '{missing}' does not exist.").ConfigureAwait(false);
            return 2;
        }

        var overrides = Overrides(parseResult.GetValue(global.Data), parseResult.GetValue(global.Models), parseResult.GetValue(urls), folders);
        var app = DocRagWebApplication.Create([], overrides);
        return await DocRagWebApplication.RunAsync(app, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The configuration the options amount to: data and models folders, listen addresses, watched folders.</summary>
    internal static List<KeyValuePair<string, string?>> Overrides(string? data, string? models, string? urls, IReadOnlyList<string> folders)
    {
        var overrides = DocRagEnvironment.ResolvePaths(data, models).ToList();
        if (!string.IsNullOrWhiteSpace(urls))
        {
            overrides.Add(new("urls", urls));
        }

        for (var i = 0; i < folders.Count; i++)
        {
            overrides.Add(new(FolderPathKey(i), Path.GetFullPath(folders[i])));
        }

        return overrides;
    }
}
