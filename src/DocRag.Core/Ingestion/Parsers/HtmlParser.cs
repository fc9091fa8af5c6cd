using System.Text;
using AngleSharp.Dom;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Ingestion.Parsers;

/// <summary>HTML through AngleSharp: visible text only, headings h1-h6 give the heading path, tables row by row.</summary>
public sealed class HtmlParser : IDocumentParser
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas", "button", "select", "input", "textarea",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "body", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "header", "hr", "main", "nav", "ol", "p", "section", "table", "thead", "tbody", "tfoot", "ul", "caption",
        "summary", "html", "center", "menu",
    };

    private readonly IngestionOptions _options;

    public HtmlParser(IOptions<IngestionOptions> options) => _options = options?.Value ?? throw new ArgumentNullException(nameof(options));

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm", ".xhtml"];

    public string DocumentType => "html";

    public async Task<ParseResult> ParseAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await TextFileReader.ReadAllTextAsync(path, _options.MaxTextChars, cancellationToken).ConfigureAwait(false);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var document = await parser.ParseDocumentAsync(text, cancellationToken).ConfigureAwait(false);
        var walker = new Walker(new DocumentBuilder(_options.MaxTextChars));
        if (document.Body is { } body)
        {
            walker.Walk(body, BlockKind.Paragraph);
            walker.Flush(BlockKind.Paragraph);
        }

        return ParseResult.Success(walker.Builder.Build(document.Title, pages: 1));
    }

    private sealed class Walker(DocumentBuilder builder)
    {
        private readonly StringBuilder _inline = new();

        public DocumentBuilder Builder { get; } = builder;

        public void Walk(INode node, BlockKind kind)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    _inline.Append(text.Data);
                }
                else if (child is IElement element && !IsHidden(element))
                {
                    Element(element, kind);
                }
            }
        }

        public void Flush(BlockKind kind)
        {
            Builder.Add(kind, _inline.ToString());
            _inline.Clear();
        }

        private void Element(IElement element, BlockKind kind)
        {
            var name = element.LocalName;
            if (name.Length == 2 && name[0] is 'h' or 'H' && name[1] is >= '1' and <= '6')
            {
                Flush(kind);
                Builder.Heading(name[1] - '0', element.TextContent);
            }
            else if (name is "tr")
            {
                Flush(kind);
                var cells = element.Children.Where(c => c.LocalName is "td" or "th" && !IsHidden(c)).Select(c => c.TextContent.Trim());
                Builder.Add(BlockKind.TableRow, string.Join(" | ", cells.Where(c => c.Length > 0)));
            }
            else if (name is "pre")
            {
                Flush(kind);
                Builder.Add(BlockKind.Code, element.TextContent);
            }
            else if (name is "li" or "blockquote")
            {
                Flush(kind);
                var inner = name is "li" ? BlockKind.ListItem : BlockKind.Quote;
                Walk(element, inner);
                Flush(inner);
            }
            else if (name is "br")
            {
                _inline.Append(' ');
            }
            else if (BlockElements.Contains(name))
            {
                Flush(kind);
                Walk(element, kind);
                Flush(kind);
            }
            else
            {
                Walk(element, kind);
            }
        }

        private static bool IsHidden(IElement element) =>
            Skipped.Contains(element.LocalName)
            || element.HasAttribute("hidden")
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || (element.GetAttribute("style") is { } style
                && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase));
    }
}
