using System.Globalization;
using DocRag.Core.Evaluation;
using Spectre.Console;

namespace DocRag.Cli.Commands;

/// <summary>Evaluation results as a Spectre.Console table: one column per side, and the change when two are compared.</summary>
internal static class EvalTable
{
    /// <param name="Better">1 when higher is better (the change shows green when it rises), -1 when lower is, 0 when neither.</param>
    private sealed record Row(string Name, Func<EvaluationReport, double?> Value, string Format, int Better = 1);

    public static void Write(TextWriter output, IReadOnlyList<EvaluationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reports);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = InteractionSupport.No,
        });
        var first = reports[0];
        var table = new Table().Border(TableBorder.Rounded).AddColumn("metric");
        var names = reports.Count == 1 ? [reports[0].Settings] : reports.Select((_, i) => ((char)('A' + i)).ToString()).ToArray();
        foreach (var name in names)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }

        if (reports.Count == 2)
        {
            table.AddColumn(new TableColumn("change").RightAligned());
        }

        table.Title = new TableTitle(Markup.Escape($"{first.Set} ({first.Kind})"));
        var modes = reports.Select(r => Markup.Escape(r.Mode + (r.EmbeddingModel is { } m ? $" ({m})" : ""))).ToList();
        if (reports.Count == 2)
        {
            modes.Add("");
        }

        table.AddRow(["mode", .. modes]);
        foreach (var row in Rows(first))
        {
            var values = reports.Select(row.Value).ToArray();
            if (values.All(v => v is null))
            {
                continue;
            }

            var cells = values.Select(v => v is { } x ? x.ToString(row.Format, CultureInfo.InvariantCulture) : "-").ToList();
            if (reports.Count == 2)
            {
                cells.Add(values is [{ } a, { } b] ? Change(b - a, row) : "");
            }

            table.AddRow([Markup.Escape(row.Name), .. cells]);
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{first.Documents:N0} documents, {first.Queries:N0} queries"));
        if (reports.Count > 1)
        {
            for (var i = 0; i < reports.Count; i++)
            {
                console.WriteLine($"{names[i]}: {reports[i].Settings}");
            }
        }

        foreach (var warning in reports.SelectMany(r => r.Warnings).Distinct(StringComparer.Ordinal))
        {
            console.WriteLine("warning: " + warning);
        }
    }

    private static string Change(double difference, Row row)
    {
        var text = difference.ToString("+" + row.Format + ";-" + row.Format + ";0", CultureInfo.InvariantCulture);
        return row.Better != 0 && difference != 0 ? $"[{(difference * row.Better > 0 ? "green" : "red")}]{text}[/]" : text;
    }

    private static IEnumerable<Row> Rows(EvaluationReport report)
    {
        const string Share = "0.000";
        if (report.Kind == "beir")
        {
            yield return new Row("nDCG@10", r => r.Ranking.NdcgAt10, Share);
            yield return new Row("Recall@10", r => r.Ranking.RecallAt10, Share);
            yield return new Row("Recall@100", r => r.Ranking.RecallAt100, Share);
            yield return new Row("MRR@10", r => r.Ranking.MrrAt10, Share);
        }
        else
        {
            yield return new Row("Recall@1", r => r.Ranking.RecallAt1, Share);
            yield return new Row("Recall@5", r => r.Ranking.RecallAt5, Share);
            yield return new Row("MRR@10", r => r.Ranking.MrrAt10, Share);
            yield return new Row("page Recall@5", r => r.Ranking.PageRecallAt5, Share);
        }

        yield return new Row("chunks", r => r.Chunks, "0", Better: 0);
        yield return new Row("judged queries", r => r.Ranking.Queries, "0", Better: 0);
        yield return new Row("failed queries", r => r.FailedQueries == 0 ? null : r.FailedQueries, "0", Better: 0);
        yield return new Row("search p50 ms", r => r.Latency.P50Ms, "0.0", Better: 0);
        yield return new Row("search p95 ms", r => r.Latency.P95Ms, "0.0", Better: 0);
        yield return new Row("search p99 ms", r => r.Latency.P99Ms, "0.0", Better: 0);
        yield return new Row("answers cite expected", r => r.Ask?.CitesExpected, Share);
        yield return new Row("answers contain answer", r => r.Ask?.ContainsAnswer, Share);
        yield return new Row("no-answer when expected", r => r.Ask?.NoAnswerCorrect, Share);
        yield return new Row("false no-answer", r => r.Ask?.FalseNoAnswer, Share, Better: -1);
        yield return new Row("answer p50 ms", r => r.Ask?.Latency.P50Ms, "0.0", Better: 0);
        yield return new Row("answer p95 ms", r => r.Ask?.Latency.P95Ms, "0.0", Better: 0);
        yield return new Row("index seconds", r => r.IndexSeconds == 0 ? null : r.IndexSeconds, "0.0", Better: 0);
    }
}
