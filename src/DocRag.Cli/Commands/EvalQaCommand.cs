using System.CommandLine;
using DocRag.Core.Evaluation;

namespace DocRag.Cli.Commands;

/// <summary>
/// <c>docrag eval qa FILE</c>: a team's questions (JSON Lines: question, expected_path, expected_page, answer) over
/// the current index (<c>--data</c>); document Recall@1/@5, MRR@10, page Recall@5, answer and no-answer metrics.
/// </summary>
internal static class EvalQaCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Argument<string>("file") { Description = "JSON Lines: question, expected_path, expected_page, answer (null path and answer: not answerable)" };
        var options = new EvalOptions(AskMode.Extractive);
        var command = new Command("qa", "Ask your own questions over the current index and report document Recall@1/@5, MRR@10 and answer quality") { file };
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => EvalExecution.RunAsync(parseResult, global, options, (runner, sides, ask, progress, ct) =>
        {
            var path = parseResult.GetValue(file)!;
            var questions = QaSetLoader.Load(path);
            return runner.EvaluateQaAsync(Path.GetFileNameWithoutExtension(path), questions, sides, ask, progress, ct);
        }, cancellationToken));
        return command;
    }
}
