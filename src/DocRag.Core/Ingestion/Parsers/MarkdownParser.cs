using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Ingestion.Parsers;

/// <summary>
/// Markdown through Markdig: headings give the heading path; lists, tables (row by row), code and quotes are blocks. In
/// a document without a heading, a first line that reads as a title (<see cref="FirstLineTitle"/>) is the title.
/// </summary>
public sealed class MarkdownParser : IDocumentParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseYamlFrontMatter()
        .Build();

    private readonly IngestionOptions _options;

    public MarkdownParser(IOptions<IngestionOptions> options) => _options = options?.Value ?? throw new ArgumentNullException(nameof(options));

    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown", ".mdown", ".mkd"];

    public string DocumentType => "md";

    public async Task<ParseResult> ParseAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await TextFileReader.ReadAllTextAsync(path, _options.MaxTextChars, cancellationToken).ConfigureAwait(false);
        var document = Markdown.Parse(text, Pipeline);
        var builder = new DocumentBuilder(_options.MaxTextChars);
        var title = TitleLine(document);
        foreach (var block in document)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReferenceEquals(block, title.Block))
            {
                builder.TitleHeading(title.Text!); // no heading anywhere: the title line is the title and the heading above the text
                continue;
            }

            Walk(block, builder, BlockKind.Paragraph);
        }

        return ParseResult.Success(builder.Build(title: null, pages: 1));
    }

    /// <summary>
    /// In a document without any heading, the first block when it is a paragraph that reads as a title
    /// (<see cref="FirstLineTitle"/>); else none.
    /// </summary>
    private static (Block? Block, string? Text) TitleLine(MarkdownDocument document)
    {
        if (document.Descendants<HeadingBlock>().Any())
        {
            return (null, null);
        }

        var blocks = document.Where(b => b is not (YamlFrontMatterBlock or LinkReferenceDefinitionGroup or HtmlBlock)).ToList();
        if (blocks.Count < 2 || blocks[0] is not ParagraphBlock { Inline: not null } first || first.Inline.Descendants<LineBreakInline>().Any())
        {
            return (null, null);
        }

        var title = FirstLineTitle.Find(InlineText(first.Inline), hasMoreText: true, blocks[1] is ParagraphBlock { Inline: not null } next ? InlineText(next.Inline) : null);
        return title is null ? (null, null) : (first, title);
    }

    private static void Walk(Block block, DocumentBuilder builder, BlockKind kind)
    {
        switch (block)
        {
            case YamlFrontMatterBlock or LinkReferenceDefinitionGroup or ThematicBreakBlock or HtmlBlock:
                break;
            case HeadingBlock heading:
                builder.Heading(heading.Level, InlineText(heading.Inline));
                break;
            case ParagraphBlock paragraph:
                builder.Add(kind, InlineText(paragraph.Inline));
                break;
            case CodeBlock code:
                builder.Add(BlockKind.Code, code.Lines.ToString());
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    builder.Add(BlockKind.TableRow, string.Join(" | ", row.OfType<TableCell>().Select(CellText)));
                }

                break;
            case ListBlock list:
                foreach (var item in list)
                {
                    Walk(item, builder, BlockKind.ListItem);
                }

                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    Walk(child, builder, BlockKind.Quote);
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Walk(child, builder, kind);
                }

                break;
            case LeafBlock leaf when leaf.Inline is not null:
                builder.Add(kind, InlineText(leaf.Inline));
                break;
        }
    }

    private static string CellText(TableCell cell)
    {
        var sb = new StringBuilder();
        foreach (var leaf in cell.Descendants<LeafBlock>())
        {
            sb.Append(leaf.Inline is null ? leaf.Lines.ToString() : InlineText(leaf.Inline)).Append(' ');
        }

        return sb.ToString().Trim();
    }

    private static string InlineText(ContainerInline? container)
    {
        var sb = new StringBuilder();
        AppendInline(container, sb);
        return sb.ToString();
    }

    private static void AppendInline(Inline? inline, StringBuilder sb)
    {
        switch (inline)
        {
            case null or HtmlInline:
                break;
            case LiteralInline literal:
                sb.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline link:
                sb.Append(link.Url);
                break;
            case LineBreakInline:
                sb.Append(' ');
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    AppendInline(child, sb);
                }

                break;
        }
    }
}
