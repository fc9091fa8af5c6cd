using System.CommandLine;
using DocRag.Core.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocRag.Cli.Commands;

/// <summary><c>docrag models list [--json]</c>: the catalog, what is downloaded, and other models in the folder.</summary>
internal static class ModelsListCommand
{
    public static Command Create(ModelsCommandContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON" };
        var command = new Command("list", "Show the recommended models, whether each is downloaded, and other models found in the models folder")
        {
            json,
        };
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async (services, output, _) =>
        {
            var store = services.GetRequiredService<ModelStore>();
            var statuses = store.GetStatuses();
            var unknown = store.FindUnknownModels();
            if (parseResult.GetValue(json))
            {
                var baseUrl = services.GetRequiredService<IOptions<ModelsOptions>>().Value.BaseUrl;
                await output.WriteLineAsync(ModelsListJson.Write(store.ModelsDirectory, statuses, unknown, baseUrl)).ConfigureAwait(false);
                return 0;
            }

            await WriteTableAsync(output, store.ModelsDirectory, statuses, unknown).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static async Task WriteTableAsync(
        TextWriter output, string modelsDirectory, IReadOnlyList<ModelStatus> statuses, IReadOnlyList<LocalModel> unknown)
    {
        string[] header = ["NAME", "ROLE", "LANGUAGES", "SIZE", "LICENCE", "STATUS"];
        var rows = statuses.Select(s => new[]
        {
            s.Model.Name, Role(s.Model.Role), s.Model.Languages, ByteSize.Format(s.Model.ApproximateBytes), s.Model.Licence,
            Status(s),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        await output.WriteLineAsync(Line(header, widths)).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await output.WriteLineAsync(Line(row, widths)).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Models folder: {modelsDirectory}").ConfigureAwait(false);
        if (unknown.Count > 0)
        {
            await output.WriteLineAsync("Other models in the folder (not in the catalog):").ConfigureAwait(false);
            foreach (var model in unknown)
            {
                var format = model.Format == LocalModelFormat.Gguf ? "gguf" : "onnx";
                await output.WriteLineAsync($"  {model.Name}  {format}  {ByteSize.Format(model.Bytes)}  {model.Path}").ConfigureAwait(false);
            }
        }
    }

    internal static string Role(ModelRole role) => role == ModelRole.Embedding ? "embedding" : "generator";

    internal static string Status(ModelStatus status) => status.State switch
    {
        ModelInstallState.Downloaded => "downloaded",
        ModelInstallState.Partial => $"partial ({status.FilesPresent}/{status.Model.Files.Count} files)",
        _ => "not downloaded",
    };

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])));
}
