using System.CommandLine;
using DocRag.Core.Evaluation;

namespace DocRag.Cli.Commands;

/// <summary>
/// <c>docrag eval squad FILE</c>: each paragraph a document in a scratch index; paragraph Recall@1/@5, MRR@10, and for
/// the answers the share citing the gold paragraph and containing the gold answer.
/// </summary>
internal static class EvalSquadCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Argument<string>("file") { Description = "SQuAD or XQuAD JSON file" };
        var options = new EvalOptions(AskMode.Extractive);
        var command = new Command("squad", "Index the paragraphs of a SQuAD/XQuAD file into a scratch index and report paragraph Recall@1/@5, MRR@10 and answer quality") { file };
        options.AddTo(command);
        var corpus = new EvalCorpusOptions();
        corpus.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => EvalExecution.RunAsync(parseResult, global, options, (runner, sides, ask, progress, ct) =>
        {
            var set = corpus.Prepare(parseResult, EvaluationKind.Squad, SquadLoader.Load(parseResult.GetValue(file)!));
            return runner.EvaluateSetAsync(EvaluationKind.Squad, set, sides, ask, corpus.IndexOptions(parseResult, runner), progress, ct);
        }, cancellationToken));
        return command;
    }
}
