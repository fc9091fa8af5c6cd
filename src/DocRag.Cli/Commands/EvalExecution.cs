using System.CommandLine;
using System.Text.Json;
using DocRag.Core.Evaluation;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DocRag.Cli.Commands;

/// <summary>Runs an <c>eval</c> command: its sides through <see cref="EvaluationRunner"/>, progress on an interactive stderr, results as a table or JSON.</summary>
internal static class EvalExecution
{
    public delegate Task<IReadOnlyList<EvaluationReport>> Evaluate(
        EvaluationRunner runner, IReadOnlyList<EvaluationSettings> sides, AskMode ask, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken);

    public static Task<int> RunAsync(ParseResult parseResult, GlobalOptions global, EvalOptions options, Evaluate evaluate, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(parseResult, async () =>
        {
            var sides = options.Sides(parseResult);
            var ask = options.AskMode(parseResult);
            using var logging = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error));
            var questionsOut = parseResult.GetValue(options.QuestionsOut);
            using var questionLog = questionsOut is null ? null : new StreamWriter(questionsOut, append: false);
            var runner = new EvaluationRunner(CliServices.Configuration(parseResult, global), logging) { QuestionLog = questionLog };
            var reports = Interactive(parseResult)
                ? await WithProgressAsync(p => evaluate(runner, sides, ask, p, cancellationToken)).ConfigureAwait(false)
                : await evaluate(runner, sides, ask, null, cancellationToken).ConfigureAwait(false);

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(options.Json))
            {
                object json = reports.Count == 1 ? reports[0] : new { runs = reports };
                await output.WriteLineAsync(JsonSerializer.Serialize(json, CliJson.Options)).ConfigureAwait(false);
            }
            else
            {
                EvalTable.Write(output, reports);
            }

            return 0;
        });

    /// <summary>A progress bar only when a person watches: stderr is the real, unredirected console.</summary>
    private static bool Interactive(ParseResult parseResult) =>
        ReferenceEquals(parseResult.InvocationConfiguration.Error, Console.Error) && !Console.IsErrorRedirected;

    private static async Task<IReadOnlyList<EvaluationReport>> WithProgressAsync(Func<IProgress<EvaluationProgress>, Task<IReadOnlyList<EvaluationReport>>> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IReadOnlyList<EvaluationReport> reports = [];
        await console.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: 1);
                reports = await run(new EvalProgressReporter(task)).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return reports;
    }
}
