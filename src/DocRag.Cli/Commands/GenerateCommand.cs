using System.CommandLine;
using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocRag.Cli.Commands;

/// <summary>
/// <c>docrag generate --model FILE --prompt TEXT [--max-tokens N] [--temperature T] [--seed S] [--chat]</c>: streams a
/// completion to stdout, through the same generator host as the server (validation, probe, llama.cpp).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var model = new Option<string>("--model") { Description = "GGUF model: a path, or a file name in the models folder", Required = true };
        var prompt = new Option<string>("--prompt") { Description = "Text to continue (or, with --chat, the user's message)", Required = true };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens to generate", DefaultValueFactory = _ => 256 };
        var temperature = new Option<float?>("--temperature") { Description = "Sampling temperature; 0 = greedy (default: the configured one)" };
        var seed = new Option<long?>("--seed") { Description = "Random seed, for reproducible sampling" };
        var chat = new Option<bool>("--chat") { Description = "Apply the model's chat template to the prompt as one user message" };
        var command = new Command("generate", "Generate text with a local GGUF model") { model, prompt, maxTokens, temperature, seed, chat };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse,
            new Request(parse.GetValue(model)!, parse.GetValue(prompt)!, parse.GetValue(maxTokens), parse.GetValue(temperature), parse.GetValue(seed), parse.GetValue(chat)),
            global,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Request request, GlobalOptions global, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (request.MaxTokens <= 0)
        {
            await error.WriteLineAsync("docrag generate: --max-tokens must be positive").ConfigureAwait(false);
            return 2;
        }

        await using var services = BuildServices(parse, global, request.Model);
        try
        {
            var client = await services.GetRequiredService<GenerationModelHost>().GetRequiredAsync(cancellationToken).ConfigureAwait(false);
            var options = new ChatOptions { MaxOutputTokens = request.MaxTokens, Temperature = request.Temperature, Seed = request.Seed };
            var stream = request.Chat
                ? client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, request.Prompt)], options, cancellationToken)
                : client.GetCompletionStreamingAsync(request.Prompt, options, cancellationToken);
            await foreach (var update in stream.ConfigureAwait(false))
            {
                await output.WriteAsync(update.Text).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is GenerationModelException or GenerationPromptTooLongException or ArgumentException)
        {
            await error.WriteLineAsync($"docrag generate: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("docrag generate: cancelled").ConfigureAwait(false);
            return 130;
        }
    }

    private static ServiceProvider BuildServices(ParseResult parse, GlobalOptions global, string model)
    {
        var settings = DocRagEnvironment.ResolvePaths(parse.GetValue(global.Data), parse.GetValue(global.Models))
            .Append(new($"{GenerationOptions.SectionName}:{nameof(GenerationOptions.Model)}", model));
        // Same sources as the server: DocRag__Generation__* environment variables, then the command line.
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter(typeof(GenerationModelHost).FullName, LogLevel.None) // its failure is this command's error line
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)) // stdout carries only the text
            .AddDocRag(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private sealed record Request(string Model, string Prompt, int MaxTokens, float? Temperature, long? Seed, bool Chat);
}
