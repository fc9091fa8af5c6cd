using System.CommandLine;
using System.Globalization;
using DocRag.Core.Ingestion.Sync;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DocRag.Cli.Commands;

/// <summary><c>docrag index FOLDER [--collection NAME]</c>: makes the collection equal to the folder, with a progress bar.</summary>
internal static class IndexCommand
{
    public static Command Create(GlobalOptions global)
    {
        var folder = new Argument<string>("folder") { Description = "Folder to index (kept equal: new, changed, moved and deleted files)" };
        var collection = new Option<string?>("--collection", "-c") { Description = "Collection name (default: the folder's name)" };
        var command = new Command("index", "Index a folder as a collection; a re-run only processes what changed") { folder, collection };
        command.SetAction((parseResult, cancellationToken) => CommandErrors.RunAsync(parseResult, async () =>
        {
            using var services = CliServices.Build(parseResult, global);
            var sync = services.GetRequiredService<FolderSync>();
            var output = parseResult.InvocationConfiguration.Output;
            var path = parseResult.GetValue(folder)!;
            var name = parseResult.GetValue(collection);
            SyncReport report;
            if (Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out))
            {
                report = await sync.SyncAsync(path, name, progress: null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                report = await RunWithProgressBarAsync(sync, path, name, cancellationToken).ConfigureAwait(false);
            }

            await output.WriteLineAsync(Summary(report)).ConfigureAwait(false);
            if (report.Failed > 0)
            {
                await output.WriteLineAsync($"{report.Failed} document(s) could not be indexed: see `docrag docs list --status failed`").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    internal static string Summary(SyncReport r) => string.Create(
        CultureInfo.InvariantCulture,
        $"collection '{r.Collection}' ({r.Root}): {r.Added} added, {r.Updated} updated, {r.Moved} moved, {r.Deleted} deleted, {r.Failed} failed, {r.Unchanged + r.Touched} unchanged; {r.Chunks} chunks written{(r.VectorsEmbedded > 0 ? $", {r.VectorsEmbedded} re-embedded" : "")} in {r.Elapsed.TotalSeconds:F1} s");

    private static async Task<SyncReport> RunWithProgressBarAsync(FolderSync sync, string path, string? name, CancellationToken cancellationToken)
    {
        SyncReport? report = null;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask("scanning", maxValue: 1);
                var progress = new ProgressBarReporter(task);
                report = await sync.SyncAsync(path, name, progress, cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return report!;
    }
}
