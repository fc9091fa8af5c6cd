using System.CommandLine;
using DocRag.Core.Evaluation;

namespace DocRag.Cli.Commands;

/// <summary>The options every <c>eval</c> command takes: mode, settings, a comparison, answers and JSON output.</summary>
internal sealed class EvalOptions
{
    public EvalOptions(AskMode defaultAsk)
    {
        Ask = new Option<string>("--ask")
        {
            Description = "Also ask every question: off, extractive (quoted sentences, no generator) or generative (the configured generator)",
            DefaultValueFactory = _ => defaultAsk.ToString().ToLowerInvariant(),
        };
        Ask.AcceptOnlyFromAmong("off", "extractive", "generative");
    }

    public Option<string> Mode { get; } = new("--mode")
    {
        Description = "keyword, vector, hybrid, or auto (hybrid when an embedding model loads, else keyword)",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "A setting for this run, key=value (repeatable): titleWeight=2, chunkTokens=200, Embedding:Model=NAME",
    };

    public Option<string?> Compare { get; } = new("--compare")
    {
        Description = "Two settings side by side, A,B, each key=value pairs joined by +: mode=keyword,mode=hybrid or titleWeight=1,titleWeight=3+headingWeight=2",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the results as one JSON object" };

    public Option<string?> QuestionsOut { get; } = new("--questions-out")
    {
        Description = "Write each asked question's outcome (no-answer, its reason, the relevance signals) to FILE as JSON Lines",
    };

    public Option<string> Ask { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Mode);
        command.Options.Add(Set);
        command.Options.Add(Compare);
        command.Options.Add(Ask);
        command.Options.Add(Json);
        command.Options.Add(QuestionsOut);
    }

    /// <summary>The sides to run: the base settings (--mode, --set), or the two sides of --compare over them.</summary>
    /// <exception cref="ArgumentException">A malformed setting, or --compare without exactly two sides.</exception>
    public IReadOnlyList<EvaluationSettings> Sides(ParseResult parseResult)
    {
        var baseline = EvaluationSettings.Default(EvaluationSettings.ParseMode(parseResult.GetValue(Mode) ?? "auto"))
            .With(parseResult.GetValue(Set) ?? []);
        if (parseResult.GetValue(Compare) is not { } compare)
        {
            return [baseline];
        }

        var sides = compare.Split(',', StringSplitOptions.TrimEntries);
        if (sides.Length != 2 || sides.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"--compare takes two settings separated by a comma (mode=keyword,mode=hybrid), not '{compare}'");
        }

        return [.. sides.Select(side => EvaluationSettings.Parse(side, baseline))];
    }

    public AskMode AskMode(ParseResult parseResult) => Enum.Parse<AskMode>(parseResult.GetValue(Ask) ?? "off", ignoreCase: true);
}
