using System.Text;
using System.Text.RegularExpressions;

namespace DocRag.Core.Ingestion.Parsers.Pdf;

/// <summary>
/// Turns one page of pdftotext output into blocks: paragraphs are runs of lines separated by blank lines, lines are
/// joined (a hyphen at a line end joining a split word), and short numbered lines ("2.1 Methods") become headings,
/// also when pdftotext puts the paragraph that follows right under them, without a blank line.
/// </summary>
internal static partial class PdfPageText
{
    public static void AddPage(DocumentBuilder builder, string pageText)
    {
        foreach (var paragraph in TextParser.SplitParagraphs(pageText))
        {
            var lines = paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (HeadingLevel(lines[0]) is { } level && (lines.Length == 1 || StartsSentence(lines[1])))
            {
                builder.Heading(level, lines[0]);
                if (lines.Length > 1)
                {
                    builder.Add(BlockKind.Paragraph, JoinLines(lines[1..]));
                }
            }
            else
            {
                builder.Add(BlockKind.Paragraph, JoinLines(lines));
            }
        }
    }

    internal static string JoinLines(IReadOnlyList<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (sb.Length > 1 && sb[^1] == '-' && char.IsLower(sb[^2]) && line.Length > 0 && char.IsLower(line[0]))
            {
                sb.Length--; // "exam-" + "ple": a word hyphenated at the line end
            }
            else if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(line);
        }

        return sb.ToString();
    }

    /// <summary>1 for "3 Results", 2 for "3.1 Setup", ...; null when the line does not look like a numbered heading.</summary>
    internal static int? HeadingLevel(string line)
    {
        if (line.Length > 80 || line.EndsWith('.') || line.EndsWith(',') || line.EndsWith(':'))
        {
            return null;
        }

        var match = NumberedHeading().Match(line);
        if (!match.Success || Units.Contains(match.Groups["rest"].Value))
        {
            return null; // "3.2 GB" is a quantity (a table cell), not section 3.2
        }

        return match.Groups["num"].Value.TrimEnd('.').Split('.').Length;
    }

    // A heading's next line starts a sentence; a numbered list item's wrapped line (lower case, a digit) does not.
    private static bool StartsSentence(string line) => line.Length > 0 && char.IsUpper(line[0]);

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "K", "M", "G", "T", "Hz", "KHz", "MHz", "GHz", "W", "V", "A", "C", "F",
    };

    [GeneratedRegex(@"^(?<num>\d{1,2}(\.\d{1,2}){0,3}\.?)\s+(?<rest>\p{Lu}[\p{L}\p{M}\-]+(\s+[\p{L}\p{M}\-&,]+){0,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedHeading();
}
