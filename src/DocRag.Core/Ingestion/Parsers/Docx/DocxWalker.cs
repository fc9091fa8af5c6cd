using System.Text;
using System.Xml.Linq;

namespace DocRag.Core.Ingestion.Parsers.Docx;

/// <summary>
/// Turns the body XML into blocks: paragraphs with heading levels from styles, list items, table rows, text boxes
/// (after the paragraph that anchors them) and footnotes/endnotes (after the paragraph that cites them).
/// </summary>
internal sealed class DocxWalker
{
    private static readonly HashSet<string> SkippedRunContent = new(StringComparer.Ordinal)
    {
        "del", "delText", "instrText", "rPr", "pPr", "moveFrom", "delInstrText", "commentReference", "annotationRef",
    };

    private readonly DocumentBuilder _builder;
    private readonly DocxStyles _styles;
    private readonly Dictionary<string, string> _footnotes;
    private readonly Dictionary<string, string> _endnotes;

    public DocxWalker(DocumentBuilder builder, DocxParts parts)
    {
        _builder = builder;
        _styles = new DocxStyles(parts.Styles);
        _footnotes = [];
        _endnotes = [];
        _footnotes = Notes(parts.Footnotes);
        _endnotes = Notes(parts.Endnotes);
    }

    /// <summary>Walks a block container (body, cell, text box, header) in document order.</summary>
    public void Walk(XElement container, BlockKind? kind = null, CancellationToken cancellationToken = default)
    {
        foreach (var element in container.Elements())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (element.Name.LocalName)
            {
                case "p":
                    Paragraph(element, kind);
                    break;
                case "tbl":
                    Table(element);
                    break;
                case "AlternateContent":
                    if (element.Elements().FirstOrDefault() is { } choice)
                    {
                        Walk(choice, kind, cancellationToken);
                    }

                    break;
                case "sdt" or "sdtContent" or "customXml" or "ins" or "smartTag" or "body" or "moveTo":
                    Walk(element, kind, cancellationToken);
                    break;
            }
        }
    }

    private void Paragraph(XElement paragraph, BlockKind? kind)
    {
        var text = new StringBuilder();
        var boxes = new List<XElement>();
        var notes = new List<string>();
        Collect(paragraph, text, boxes, notes);
        if (kind is null && _styles.HeadingLevel(paragraph) is { } level)
        {
            _builder.Heading(level, text.ToString());
        }
        else
        {
            _builder.Add(kind ?? (_styles.IsListItem(paragraph) ? BlockKind.ListItem : BlockKind.Paragraph), text.ToString());
        }

        foreach (var box in boxes)
        {
            Walk(box, BlockKind.TextBox);
        }

        foreach (var note in notes)
        {
            _builder.Add(BlockKind.Note, note);
        }
    }

    private void Table(XElement table)
    {
        foreach (var row in table.Descendants().Where(e => e.Name.LocalName == "tr" && e.Ancestors().First(a => a.Name.LocalName == "tbl") == table))
        {
            var cells = row.Elements().SelectMany(e => e.Name.LocalName == "tc" ? [e] : e.Descendants().Where(d => d.Name.LocalName == "tc"))
                .Select(CellText)
                .Where(c => c.Length > 0);
            _builder.Add(BlockKind.TableRow, string.Join(" | ", cells));
        }
    }

    private string CellText(XElement cell)
    {
        var text = new StringBuilder();
        var boxes = new List<XElement>();
        var notes = new List<string>();
        Collect(cell, text, boxes, notes);
        foreach (var extra in boxes.Select(b => b.Value).Concat(notes))
        {
            text.Append(' ').Append(extra);
        }

        return text.ToString().Trim();
    }

    private void Collect(XElement element, StringBuilder text, List<XElement> boxes, List<string> notes)
    {
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "t":
                    text.Append(child.Value);
                    break;
                case "tab" or "ptab" or "br" or "cr":
                    text.Append(' ');
                    break;
                case "noBreakHyphen":
                    text.Append('-');
                    break;
                case "p" or "tr":
                    Collect(child, text, boxes, notes);
                    text.Append(' ');
                    break;
                case "txbxContent":
                    boxes.Add(child);
                    break;
                case "footnoteReference" when DocxXml.Attr(child, "id") is { } id && _footnotes.TryGetValue(id, out var footnote):
                    notes.Add(footnote);
                    break;
                case "endnoteReference" when DocxXml.Attr(child, "id") is { } id && _endnotes.TryGetValue(id, out var endnote):
                    notes.Add(endnote);
                    break;
                case "AlternateContent":
                    if (child.Elements().FirstOrDefault() is { } choice)
                    {
                        Collect(choice, text, boxes, notes);
                    }

                    break;
                default:
                    if (!SkippedRunContent.Contains(child.Name.LocalName))
                    {
                        Collect(child, text, boxes, notes);
                    }

                    break;
            }
        }
    }

    private Dictionary<string, string> Notes(XElement? part)
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var note in part?.Elements().Where(e => e.Name.LocalName is "footnote" or "endnote") ?? [])
        {
            if (DocxXml.Attr(note, "type") is null or "normal" && DocxXml.Attr(note, "id") is { } id)
            {
                var text = new StringBuilder();
                Collect(note, text, [], []);
                notes.TryAdd(id, text.ToString());
            }
        }

        return notes;
    }
}
