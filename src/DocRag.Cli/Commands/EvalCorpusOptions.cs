using System.CommandLine;
using DocRag.Core.Evaluation;

namespace DocRag.Cli.Commands;

/// <summary>The options of the corpus commands (<c>eval beir</c>, <c>eval squad</c>): how the corpus is written, kept and held out.</summary>
internal sealed class EvalCorpusOptions
{
    public Option<string> CorpusAs { get; } = new("--corpus-as")
    {
        Description = "How the corpus goes in: txt (one file per document, title on the first line; the default), md (# title), or direct (analysis only: straight into the store, no files or parsers)",
        DefaultValueFactory = _ => "txt",
    };

    public Option<bool> NoCache { get; } = new("--no-cache")
    {
        Description = "Build a temporary scratch index and delete it at the end, instead of keeping it in DATA/eval-cache for later runs",
    };

    public Option<bool> Rebuild { get; } = new("--rebuild") { Description = "Build the kept scratch index again even when one matches the corpus, model and settings" };

    public Option<bool> HoldOut { get; } = new("--hold-out")
    {
        Description = "Leave part of the corpus out so some questions have no answer in it (SQuAD: every other article; BEIR: the relevant documents of every other query), and report no-answer on those",
    };

    public EvalCorpusOptions() => CorpusAs.AcceptOnlyFromAmong("txt", "md", "direct");

    public void AddTo(Command command)
    {
        command.Options.Add(CorpusAs);
        command.Options.Add(NoCache);
        command.Options.Add(Rebuild);
        command.Options.Add(HoldOut);
    }

    public EvaluationIndexOptions IndexOptions(ParseResult parseResult, EvaluationRunner runner) => new(
        parseResult.GetValue(CorpusAs) switch
        {
            "md" => CorpusForm.Markdown,
            "direct" => CorpusForm.Direct,
            _ => CorpusForm.Text,
        },
        parseResult.GetValue(NoCache) ? null : runner.DefaultCacheFolder,
        parseResult.GetValue(Rebuild));

    /// <summary>The set as loaded, or with part of its corpus held out when asked.</summary>
    public EvaluationSet Prepare(ParseResult parseResult, EvaluationKind kind, EvaluationSet set) => parseResult.GetValue(HoldOut) ? EvaluationHoldOut.Apply(set, kind) : set;
}
