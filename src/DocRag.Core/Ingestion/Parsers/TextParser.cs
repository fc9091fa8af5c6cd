using Microsoft.Extensions.Options;

namespace DocRag.Core.Ingestion.Parsers;

/// <summary>
/// Plain text: paragraphs are separated by blank lines; any encoding <see cref="TextFileReader"/> can guess. A first line
/// that reads as a title (<see cref="FirstLineTitle"/>) is the document's title and first heading.
/// </summary>
public sealed class TextParser : IDocumentParser
{
    private readonly IngestionOptions _options;

    public TextParser(IOptions<IngestionOptions> options) => _options = options?.Value ?? throw new ArgumentNullException(nameof(options));

    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text", ".log", ".csv", ".tsv"];

    public string DocumentType => "txt";

    public async Task<ParseResult> ParseAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await TextFileReader.ReadAllTextAsync(path, _options.MaxTextChars, cancellationToken).ConfigureAwait(false);
        var builder = new DocumentBuilder(_options.MaxTextChars);
        if (Path.GetExtension(path).ToUpperInvariant() is ".CSV" or ".TSV")
        {
            // Tables: each line a row, so rows are never run together.
            foreach (var line in text.Split('\n'))
            {
                cancellationToken.ThrowIfCancellationRequested();
                builder.Add(BlockKind.TableRow, line);
            }
        }
        else
        {
            var paragraphs = SplitParagraphs(text).ToList();
            var title = paragraphs.Count == 0 ? null : FirstLineTitle.Find(paragraphs[0], paragraphs.Skip(1).Any(p => !string.IsNullOrWhiteSpace(p)), paragraphs.Count > 1 ? paragraphs[1] : null);
            if (title is not null)
            {
                builder.TitleHeading(title); // the document's title and the heading above its text (FirstLineTitle)
            }

            foreach (var paragraph in title is null ? paragraphs : paragraphs.Skip(1))
            {
                builder.Add(BlockKind.Paragraph, paragraph);
            }
        }

        return ParseResult.Success(builder.Build(title: null, pages: 1));
    }

    /// <summary>Paragraphs: runs of non-blank lines (form feeds also end one).</summary>
    internal static IEnumerable<string> SplitParagraphs(string text)
    {
        var start = -1;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n' && text[i] != '\f')
            {
                continue;
            }

            var blank = text.AsSpan(lineStart, i - lineStart).IsWhiteSpace();
            if (blank || (i < text.Length && text[i] == '\f'))
            {
                if (!blank && start < 0)
                {
                    start = lineStart;
                }

                if (start >= 0)
                {
                    yield return text[start..i];
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = lineStart;
            }

            lineStart = i + 1;
        }

        if (start >= 0 && start < text.Length)
        {
            yield return text[start..];
        }
    }
}
