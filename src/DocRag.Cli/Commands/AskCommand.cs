using System.ClientModel;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DocRag.Core.Answering;
using DocRag.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Cli.Commands;

/// <summary>
/// <c>docrag ask QUESTION [--json] [--collection C] [--top N] [--mode generative|extractive]</c>: answers from the
/// index, streaming the text as it is written, then the sources (path, page, heading); <c>--json</c> prints the
/// whole answer object instead. Without a generator model the answer is extractive, and says so.
/// </summary>
internal static class AskCommand
{
    public static Command Create(GlobalOptions global)
    {
        var question = new Argument<string>("question") { Description = "The question, in any language" };
        var json = new Option<bool>("--json") { Description = "Print the answer as JSON (text, mode, citations, noAnswer, usage, timings)" };
        var collection = new Option<string?>("--collection", "-c") { Description = "Only this collection" };
        var top = new Option<int?>("--top") { Description = "Passages to retrieve (default: DocRag:Answering:TopK)" };
        var mode = new Option<string?>("--mode") { Description = "generative or extractive (default: generative when a generator model is found)" };
        mode.AcceptOnlyFromAmong("generative", "extractive");
        var command = new Command("ask", "Answer a question from the indexed documents, with citations") { question, json, collection, top, mode };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(parse, () => RunAsync(
            parse,
            global,
            new AnswerRequest(parse.GetValue(question) ?? "")
            {
                Collection = parse.GetValue(collection),
                TopK = parse.GetValue(top),
                Mode = parse.GetValue(mode) switch { "generative" => AnswerMode.Generative, "extractive" => AnswerMode.Extractive, _ => null },
            },
            parse.GetValue(json),
            cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, GlobalOptions global, AnswerRequest request, bool json, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        await using var services = CliServices.Build(parse, global);
        var answers = services.GetRequiredService<AnswerService>();
        try
        {
            if (json)
            {
                var answer = await answers.AnswerAsync(request, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(JsonSerializer.Serialize(answer, CliJson.Options)).ConfigureAwait(false);
                return 0;
            }

            await foreach (var step in answers.StreamAsync(request, cancellationToken).ConfigureAwait(false))
            {
                switch (step)
                {
                    case AnswerTokenEvent token:
                        await output.WriteAsync(token.Text).ConfigureAwait(false);
                        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    case AnswerDoneEvent done:
                        await WriteSourcesAsync(output, done.Answer).ConfigureAwait(false);
                        break;
                }
            }

            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("stopped").ConfigureAwait(false);
            return CommandErrors.Cancelled;
        }
        catch (Exception ex) when (ex is ServiceUnavailableException or ServiceBusyException or QuestionTooLongException or ClientResultException or HttpRequestException)
        {
            // The same one-line shape as CommandErrors; these come from models and servers rather than files.
            await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {ex.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return CommandErrors.Failed;
        }
    }

    /// <summary>After the text: each citation on its own line (path, pages, heading), and how the answer was made.</summary>
    private static async Task WriteSourcesAsync(TextWriter output, Answer answer)
    {
        await output.WriteLineAsync().ConfigureAwait(false);
        if (answer.Citations.Count > 0)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("Sources:").ConfigureAwait(false);
            foreach (var c in answer.Citations)
            {
                var pages = c.PageEnd > c.Page ? $"pages {c.Page}-{c.PageEnd}" : $"page {c.Page}";
                var heading = c.Heading.Length > 0 ? $", {c.Heading}" : "";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  [{c.N}] {c.Path} ({pages}{heading})")).ConfigureAwait(false);
            }
        }

        if (answer.Mode == AnswerMode.Extractive)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("(extractive answer: sentences quoted from the documents; no generator model is in use)").ConfigureAwait(false);
        }
    }
}
