using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocRag.Core.Retrieval;
using DocRag.Core.Text;
using Spectre.Console;

namespace DocRag.Cli.Commands;

/// <summary>Search hits as a table: rank, score, document (title, path, page, heading) and a snippet with the query's words marked.</summary>
internal static partial class SearchTable
{
    private const int SnippetLength = 280;

    public static void Write(TextWriter output, SearchResult result)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        var mode = SearchModes.ToCode(result.Mode) + (result.ModeReason is { } reason ? $" ({reason})" : "");
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{result.Hits.Count} hit(s), {mode}, {result.Timings.Total.TotalMilliseconds:F1} ms")));
        if (result.Hits.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn(new TableColumn("SCORE").RightAligned())
            .AddColumn("DOCUMENT")
            .AddColumn("TEXT");
        var terms = result.QueryTerms.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < result.Hits.Count; i++)
        {
            var hit = result.Hits[i];
            table.AddRow(
                new Text((i + 1).ToString(CultureInfo.InvariantCulture)),
                new Text(hit.Score.ToString("F4", CultureInfo.InvariantCulture)),
                new Markup(Document(hit)),
                new Markup(Snippet(hit, terms)));
        }

        console.Write(table);
    }

    private static string Document(SearchHit hit)
    {
        var page = hit.PageEnd > hit.PageStart ? $"pages {hit.PageStart}-{hit.PageEnd}" : $"page {hit.PageStart}";
        var heading = hit.HeadingPath.Count > 0 ? "\n" + Markup.Escape(string.Join(" > ", hit.HeadingPath)) : "";
        return $"[bold]{Markup.Escape(hit.Title)}[/]\n{Markup.Escape(hit.Path)}\n{Markup.Escape(hit.Collection)}, {page}{heading}";
    }

    /// <summary>The start of the chunk's text on one line, words whose analysed form is a query term in bold.</summary>
    private static string Snippet(SearchHit hit, HashSet<string> terms)
    {
        var text = Whitespace().Replace(hit.Text, " ").Trim();
        if (text.Length > SnippetLength)
        {
            text = text[..SnippetLength].TrimEnd() + "…";
        }

        var markup = new StringBuilder();
        var last = 0;
        foreach (Match word in Word().Matches(text))
        {
            markup.Append(Markup.Escape(text[last..word.Index]));
            var escaped = Markup.Escape(word.Value);
            markup.Append(SearchText.Terms(word.Value, hit.Language).Any(terms.Contains) ? $"[bold yellow]{escaped}[/]" : escaped);
            last = word.Index + word.Length;
        }

        return markup.Append(Markup.Escape(text[last..])).ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
