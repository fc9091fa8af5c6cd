using System.CommandLine;
using DocRag.Core.Hosting;
using DocRag.Core.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocRag.Cli.Commands;

/// <summary>What the <c>models</c> commands share: their services, built from the options and the environment.</summary>
internal sealed class ModelsCommandContext(GlobalOptions global, Action<IServiceCollection>? configureServices)
{
    /// <summary>Exit code of a command given a model name the catalog does not know.</summary>
    public const int UnknownModelExitCode = 2;

    /// <summary>Exit code after Ctrl+C (128 + SIGINT).</summary>
    public const int CancelledExitCode = 130;

    /// <summary>
    /// Builds the services (<c>--data</c>/<c>--models</c>, then <c>DOCRAG_DATA</c>/<c>DOCRAG_MODELS</c>, then
    /// <c>DocRag__...</c> environment settings) and runs <paramref name="body"/>; a bad setting is one line on stderr.
    /// </summary>
    public async Task<int> RunAsync(ParseResult parseResult, Func<ServiceProvider, TextWriter, TextWriter, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(DocRagEnvironment.ResolvePaths(parseResult.GetValue(global.Data), parseResult.GetValue(global.Models)))
            .Build();
        var services = new ServiceCollection().AddLogging().AddDocRag(configuration);
        configureServices?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await using (provider.ConfigureAwait(false))
        {
            try
            {
                _ = provider.GetRequiredService<IOptions<DocRagOptions>>().Value;
                _ = provider.GetRequiredService<IOptions<ModelsOptions>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                await error.WriteLineAsync($"docrag: invalid setting: {string.Join("; ", ex.Failures)}").ConfigureAwait(false);
                return 1;
            }

            return await body(provider, output, error).ConfigureAwait(false);
        }
    }

    /// <summary>The catalog model named <paramref name="name"/>, or null after one line on stderr.</summary>
    public static CatalogModel? FindModel(ModelCatalog catalog, string name, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(error);
        var model = catalog.Find(name);
        if (model is null)
        {
            error.WriteLine($"docrag: unknown model '{name}'; known models: {string.Join(", ", catalog.Models.Select(m => m.Name))}");
        }

        return model;
    }
}
