using System.CommandLine;
using DocRag.Core.Evaluation;

namespace DocRag.Cli.Commands;

/// <summary><c>docrag eval beir DIR [--split test]</c>: nDCG@10, Recall@10/@100, MRR@10 and latency over a scratch index of a BEIR corpus.</summary>
internal static class EvalBeirCommand
{
    public static Command Create(GlobalOptions global)
    {
        var directory = new Argument<string>("dir") { Description = "BEIR folder: corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv" };
        var split = new Option<string>("--split") { Description = "Which qrels file to judge by (qrels/SPLIT.tsv)", DefaultValueFactory = _ => "test" };
        var options = new EvalOptions(AskMode.Off);
        var command = new Command("beir", "Index a BEIR corpus into a scratch index and report nDCG@10, Recall@10/@100, MRR@10 and search latency") { directory, split };
        options.AddTo(command);
        var corpus = new EvalCorpusOptions();
        corpus.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => EvalExecution.RunAsync(parseResult, global, options, (runner, sides, ask, progress, ct) =>
        {
            var set = corpus.Prepare(parseResult, EvaluationKind.Beir, BeirLoader.Load(parseResult.GetValue(directory)!, parseResult.GetValue(split) ?? "test"));
            return runner.EvaluateSetAsync(EvaluationKind.Beir, set, sides, ask, corpus.IndexOptions(parseResult, runner), progress, ct);
        }, cancellationToken));
        return command;
    }
}
