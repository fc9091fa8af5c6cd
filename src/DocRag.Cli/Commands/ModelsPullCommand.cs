using System.CommandLine;
using DocRag.Core.Models;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DocRag.Cli.Commands;

/// <summary>
/// <c>docrag models pull NAME</c>: downloads a catalog model from Hugging Face into the models folder, resuming an
/// interrupted download and checking every pinned hash. The only command that uses the network.
/// </summary>
internal static class ModelsPullCommand
{
    public static Command Create(ModelsCommandContext context)
    {
        var name = new Argument<string>("name") { Description = "Catalog name of the model (see 'docrag models list')" };
        var command = new Command("pull", "Download a recommended model into the models folder (resumable, hash-checked)") { name };
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async (services, output, error) =>
        {
            var store = services.GetRequiredService<ModelStore>();
            var model = ModelsCommandContext.FindModel(store.Catalog, parseResult.GetValue(name)!, error);
            if (model is null)
            {
                return ModelsCommandContext.UnknownModelExitCode;
            }

            await output.WriteLineAsync(
                $"Pulling {model.Name} ({ByteSize.Format(model.ApproximateBytes)}) from {model.Repository} into {store.GetModelDirectory(model)}")
                .ConfigureAwait(false);
            try
            {
                var downloader = services.GetRequiredService<ModelDownloader>();
                var result = await PullAsync(downloader, model, store.ModelsDirectory, output, cancellationToken).ConfigureAwait(false);
                foreach (var file in result.Unpinned)
                {
                    await output.WriteLineAsync($"  {file.File.LocalPath}: not pinned (no known hash; its bytes were not checked)")
                        .ConfigureAwait(false);
                }

                await output.WriteLineAsync($"{model.Name} is ready in {result.Directory}").ConfigureAwait(false);
                return 0;
            }
            catch (ModelDownloadException ex)
            {
                await error.WriteLineAsync($"docrag: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("docrag: pull cancelled; run the same command again to resume").ConfigureAwait(false);
                return ModelsCommandContext.CancelledExitCode;
            }
        }));
        return command;
    }

    /// <summary>A live progress bar on a terminal; plain lines when the output is redirected or captured.</summary>
    private static Task<ModelPullResult> PullAsync(
        ModelDownloader downloader, CatalogModel model, string modelsDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
            && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            return downloader.PullAsync(model, modelsDirectory, new PlainPullProgress(output), cancellationToken);
        }

        return AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn())
            .StartAsync(context => downloader.PullAsync(model, modelsDirectory, new ConsolePullProgress(context), cancellationToken));
    }
}
