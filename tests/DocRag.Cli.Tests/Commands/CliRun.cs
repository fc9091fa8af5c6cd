using System.CommandLine;
using DocRag.Cli.Commands;
using DocRag.Core.Models;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Cli.Tests.Commands;

/// <summary>Runs the <c>docrag</c> command line in-process with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The real command tree, as the <c>docrag</c> binary builds it.</summary>
    public static Task<CliRun> RunAsync(params string[] args) => InvokeAsync(DocRagCommandLine.Create(), args);

    /// <summary>
    /// The root options and the <c>models</c> command with <paramref name="catalog"/> in place of the built-in one and
    /// downloads from <paramref name="baseUrl"/>.
    /// </summary>
    public static Task<CliRun> RunModelsAsync(ModelCatalog catalog, Uri? baseUrl, params string[] args)
    {
        var global = new GlobalOptions();
        var root = new RootCommand { global.Data, global.Models };
        root.Subcommands.Add(ModelsCommand.Create(global, services =>
        {
            services.AddSingleton(catalog);
            services.Configure<ModelsOptions>(o =>
            {
                o.BaseUrl = baseUrl ?? o.BaseUrl;
                o.RetryDelay = TimeSpan.Zero;
            });
        }));
        return InvokeAsync(root, args);
    }

    private static async Task<CliRun> InvokeAsync(RootCommand root, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
