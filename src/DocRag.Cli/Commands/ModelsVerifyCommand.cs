using System.CommandLine;
using DocRag.Core.Models;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Cli.Commands;

/// <summary>
/// <c>docrag models verify [NAME]</c>: recomputes the SHA-256 of downloaded files and reports each model as ok,
/// unpinned, missing or corrupt. Non-zero exit when a model is corrupt or incomplete (or, by name, not downloaded).
/// </summary>
internal static class ModelsVerifyCommand
{
    public static Command Create(ModelsCommandContext context)
    {
        var name = new Argument<string?>("name")
        {
            Description = "Catalog name of one model (default: every catalog model found in the models folder)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("verify", "Check the hashes of downloaded models") { name };
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async (services, output, error) =>
        {
            var store = services.GetRequiredService<ModelStore>();
            var requested = parseResult.GetValue(name);
            IReadOnlyList<CatalogModel> models;
            if (requested is not null)
            {
                var model = ModelsCommandContext.FindModel(store.Catalog, requested, error);
                if (model is null)
                {
                    return ModelsCommandContext.UnknownModelExitCode;
                }

                models = [model];
            }
            else
            {
                models = store.Catalog.Models;
            }

            var failed = new List<string>();
            foreach (var model in models)
            {
                var result = await store.VerifyAsync(model, cancellationToken).ConfigureAwait(false);
                await WriteAsync(output, result).ConfigureAwait(false);
                var fails = result.State is ModelVerificationState.Corrupt or ModelVerificationState.Missing
                    || (requested is not null && result.State == ModelVerificationState.NotDownloaded);
                if (fails)
                {
                    failed.Add($"{model.Name} ({State(result.State)})");
                }
            }

            if (failed.Count == 0)
            {
                return 0;
            }

            await error.WriteLineAsync($"docrag: verification failed for {string.Join(", ", failed)}; run 'docrag models pull NAME' to repair")
                .ConfigureAwait(false);
            return 1;
        }));
        return command;
    }

    private static async Task WriteAsync(TextWriter output, ModelVerification result)
    {
        await output.WriteLineAsync($"{result.Model.Name}: {State(result.State)}").ConfigureAwait(false);
        if (result.State == ModelVerificationState.NotDownloaded)
        {
            return;
        }

        foreach (var file in result.Files.Where(f => f.State != FileVerificationState.Ok))
        {
            await output.WriteLineAsync($"  {file.File.LocalPath}: {file.Detail}").ConfigureAwait(false);
        }
    }

    private static string State(ModelVerificationState state) => state switch
    {
        ModelVerificationState.Ok => "ok",
        ModelVerificationState.Unpinned => "ok, some files not pinned",
        ModelVerificationState.Missing => "missing files",
        ModelVerificationState.Corrupt => "corrupt",
        _ => "not downloaded",
    };
}
