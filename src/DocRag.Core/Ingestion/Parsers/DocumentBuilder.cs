using System.Text;
using DocRag.Core.Text;

namespace DocRag.Core.Ingestion.Parsers;

/// <summary>
/// Collects a parser's blocks: keeps the heading path, cleans text (control characters, whitespace), enforces the
/// text limit and guesses the language at the end. Every parser builds through it so all formats agree.
/// </summary>
public sealed class DocumentBuilder
{
    /// <summary>Longer "headings" (a whole paragraph in a heading style) are kept as paragraphs.</summary>
    public const int MaxHeadingChars = 200;

    private readonly List<DocumentBlock> _blocks = [];
    private readonly List<(int Level, string Text)> _headings = [];
    private readonly int _maxChars;
    private IReadOnlyList<string> _path = [];
    private long _chars;

    public DocumentBuilder(int maxChars) => _maxChars = maxChars;

    /// <summary>The 1-based page new blocks start on.</summary>
    public int Page { get; set; } = 1;

    public int BlockCount => _blocks.Count;

    /// <summary>The first heading seen, a fallback title.</summary>
    public string? FirstHeading { get; private set; }

    /// <summary>Adds a heading of <paramref name="level"/> (1 = outermost); it closes deeper and equal headings.</summary>
    public void Heading(int level, string text)
    {
        var clean = Clean(text, keepLines: false);
        if (clean.Length == 0)
        {
            return;
        }

        if (clean.Length > MaxHeadingChars)
        {
            Append(new DocumentBlock(clean, Page, _path, BlockKind.Paragraph)); // a styled paragraph, not a title
            return;
        }

        _headings.RemoveAll(h => h.Level >= level);
        _headings.Add((level, clean));
        _path = _headings.Select(h => h.Text).ToArray();
        FirstHeading ??= clean;
        Append(new DocumentBlock(clean, Page, _path, BlockKind.Heading));
    }

    /// <summary>
    /// A title line (plain text, Markdown without a heading): the document's title and the outermost heading of all
    /// that follows, but not a block of text, since every chunk carries its document's title already.
    /// </summary>
    public void TitleHeading(string text)
    {
        var clean = Clean(text, keepLines: false);
        if (clean.Length is 0 or > MaxHeadingChars)
        {
            Add(BlockKind.Paragraph, text);
            return;
        }

        _headings.Clear();
        _headings.Add((1, clean));
        _path = [clean];
        FirstHeading ??= clean;
    }

    /// <summary>Leaves every heading (for trailing material such as page headers that belongs to no section).</summary>
    public void ResetHeadings()
    {
        _headings.Clear();
        _path = [];
    }

    /// <summary>Adds a block under the current headings; blank text is dropped.</summary>
    public void Add(BlockKind kind, string text)
    {
        var clean = Clean(text, keepLines: kind == BlockKind.Code);
        if (clean.Length > 0)
        {
            Append(new DocumentBlock(clean, Page, _path, kind));
        }
    }

    public ParsedDocument Build(string? title, int pages, string? note = null)
    {
        var sample = new StringBuilder();
        foreach (var block in _blocks)
        {
            if (sample.Length > 20_000)
            {
                break;
            }

            sample.Append(block.Text).Append('\n');
        }

        var cleanTitle = title is null ? null : Clean(title, keepLines: false);
        return new ParsedDocument(
            string.IsNullOrEmpty(cleanTitle) ? FirstHeading : cleanTitle,
            Math.Max(1, pages),
            LanguageDetector.Detect(sample.ToString()),
            _blocks.ToArray(),
            note);
    }

    private void Append(DocumentBlock block)
    {
        _chars += block.Text.Length + ParsedDocument.BlockSeparator.Length;
        if (_chars > _maxChars)
        {
            throw new DocumentTooLargeException($"the text is longer than the limit of {_maxChars:N0} characters (DocRag:Ingestion:MaxTextChars)");
        }

        _blocks.Add(block);
    }

    /// <summary>Drops control characters and lone surrogates and collapses whitespace (keeping line breaks for code).</summary>
    internal static string Clean(string text, bool keepLines)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingLines = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (keepLines && ch == '\n')
            {
                pendingLines++;
                continue;
            }

            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                pendingSpace = true;
                continue;
            }

            var pair = char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (ch is '\u00AD' or '\uFEFF' or '\uFFFE' || (char.IsSurrogate(ch) && !pair))
            {
                continue; // soft hyphens, BOMs and lone surrogates (not encodable as UTF-8) carry no text
            }

            if (sb.Length > 0)
            {
                if (pendingLines > 0)
                {
                    sb.Append(pendingLines > 1 ? "\n\n" : "\n");
                }
                else if (pendingSpace)
                {
                    sb.Append(' ');
                }
            }

            pendingSpace = false;
            pendingLines = 0;
            sb.Append(ch);
            if (pair)
            {
                sb.Append(text[++i]);
            }
        }

        return sb.ToString();
    }
}
