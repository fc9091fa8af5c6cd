using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using DocRag.Core.Embeddings;
using DocRag.Core.Hosting;
using Microsoft.ML.OnnxRuntime;
using Microsoft.Extensions.AI;

namespace DocRag.Cli.Commands;

/// <summary>
/// <c>docrag embed --model DIR [--query] TEXT...</c>: prints a JSON array with one array of floats per text, in order.
/// <c>--file PATH</c> embeds a file's whole text as one text, and a text given as <c>-</c> is standard input: long texts
/// do not belong on a command line. Without <c>--model</c> the model is found as the server finds it
/// (DocRag:Embedding:Model rules, under the models folder).
/// </summary>
internal static class EmbedCommand
{
    public static Command Create(GlobalOptions global)
    {
        var model = new Option<string?>("--model") { Description = "Model folder (a path, or a folder name under the models folder); default: the first embedding model found there" };
        var query = new Option<bool>("--query") { Description = "Embed the texts as search queries (applies the model's query prefix, e.g. \"query: \" for e5)" };
        var provider = new Option<string>("--provider") { Description = "Execution provider: cpu, cuda or auto", DefaultValueFactory = _ => "auto" };
        var files = new Option<string[]>("--file") { Description = "A UTF-8 text file to embed as one text (repeatable; after the texts given as arguments)" };
        var texts = new Argument<string[]>("text") { Description = "The texts to embed; - reads one text from standard input", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("embed", "Print embedding vectors of texts as a JSON array (one array of floats per text)") { model, query, provider, files, texts };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new EmbeddingOptions { Model = parseResult.GetValue(model), ExecutionProvider = parseResult.GetValue(provider) ?? "auto" };
            return RunAsync(parseResult, options, parseResult.GetValue(query), parseResult.GetValue(texts) ?? [], parseResult.GetValue(files) ?? [], global, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parseResult, EmbeddingOptions options, bool asQuery, string[] arguments, string[] files, GlobalOptions global, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        List<string> texts;
        try
        {
            texts = await ReadTextsAsync(arguments, files, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"docrag embed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        if (texts.Count == 0)
        {
            await error.WriteLineAsync("docrag embed: give at least one text, --file PATH, or - to read standard input").ConfigureAwait(false);
            return 2;
        }
        if (!EmbeddingOptionsValidator.TryParseProvider(options.ExecutionProvider, out _))
        {
            await error.WriteLineAsync($"docrag embed: --provider must be cpu, cuda or auto (not '{options.ExecutionProvider}')").ConfigureAwait(false);
            return 2;
        }

        var location = EmbeddingModelLocator.Locate(options, ModelsDirectory(parseResult, global));
        if (!location.Found)
        {
            await error.WriteLineAsync($"docrag embed: {location.Reason}").ConfigureAwait(false);
            return 1;
        }

        try
        {
            using var generator = OnnxEmbeddingGenerator.Load(location.Directory!, options);
            var generationOptions = asQuery ? EmbeddingPurposeExtensions.ForQuery() : new EmbeddingGenerationOptions();
            var embeddings = await generator.GenerateAsync(texts, generationOptions, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(ToJson(embeddings)).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is EmbeddingModelException or OnnxRuntimeException or IOException or UnauthorizedAccessException or DllNotFoundException)
        {
            await error.WriteLineAsync($"docrag embed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>The arguments in order (<c>-</c> is standard input, read once), then each <c>--file</c>.</summary>
    private static async Task<List<string>> ReadTextsAsync(string[] arguments, string[] files, CancellationToken cancellationToken)
    {
        var texts = new List<string>(arguments.Length + files.Length);
        string? stdin = null;
        foreach (var argument in arguments)
        {
            texts.Add(argument == "-" ? stdin ??= await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false) : argument);
        }

        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"the file '{Path.GetFullPath(file)}' does not exist", file);
            }

            texts.Add(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return texts;
    }

    private static string ModelsDirectory(ParseResult parseResult, GlobalOptions global)
    {
        var paths = DocRagEnvironment.ResolvePaths(parseResult.GetValue(global.Data), parseResult.GetValue(global.Models))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var options = new DocRagOptions
        {
            DataDirectory = paths.GetValueOrDefault(DocRagEnvironment.DataKey) ?? "data",
            ModelsDirectory = paths.GetValueOrDefault(DocRagEnvironment.ModelsKey),
        };
        return options.ModelsPath;
    }

    private static string ToJson(GeneratedEmbeddings<Embedding<float>> embeddings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var embedding in embeddings)
            {
                json.WriteStartArray();
                foreach (var value in embedding.Vector.Span)
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
