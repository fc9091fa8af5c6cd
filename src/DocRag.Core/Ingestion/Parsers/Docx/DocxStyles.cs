using System.Globalization;
using System.Xml.Linq;

namespace DocRag.Core.Ingestion.Parsers.Docx;

/// <summary>Paragraph styles: heading level (outline level or "heading N" name, inherited through basedOn) and list numbering.</summary>
internal sealed class DocxStyles
{
    private const int MaxInheritance = 16;
    private readonly Dictionary<string, XElement> _styles = new(StringComparer.Ordinal);
    private readonly string? _defaultParagraphStyle;

    public DocxStyles(XElement? styles)
    {
        foreach (var style in styles?.Elements().Where(e => e.Name.LocalName == "style") ?? [])
        {
            if (DocxXml.Attr(style, "styleId") is { } id && DocxXml.Attr(style, "type") is null or "paragraph")
            {
                _styles.TryAdd(id, style);
                if (DocxXml.Attr(style, "default") is "1" or "true" or "on")
                {
                    _defaultParagraphStyle ??= id;
                }
            }
        }
    }

    /// <summary>The heading level (1 = outermost) of a paragraph, or null for body text.</summary>
    public int? HeadingLevel(XElement paragraph)
    {
        var properties = DocxXml.Child(paragraph, "pPr");
        if (OutlineLevel(properties) is { } direct)
        {
            return direct;
        }

        foreach (var style in Chain(StyleId(properties)))
        {
            if (OutlineLevel(DocxXml.Child(style, "pPr")) is { } level)
            {
                return level;
            }

            var name = DocxXml.Attr(DocxXml.Child(style, "name"), "val")?.Trim().ToUpperInvariant();
            if (name is "TITLE")
            {
                return 1;
            }

            if (name is not null && name.StartsWith("HEADING", StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(7).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>Whether the paragraph is numbered or bulleted, directly or through its style.</summary>
    public bool IsListItem(XElement paragraph)
    {
        var properties = DocxXml.Child(paragraph, "pPr");
        return DocxXml.Child(properties, "numPr") is not null
            || Chain(StyleId(properties)).Any(s => DocxXml.Child(DocxXml.Child(s, "pPr"), "numPr") is not null);
    }

    private string? StyleId(XElement? properties) => DocxXml.Attr(DocxXml.Child(properties, "pStyle"), "val") ?? _defaultParagraphStyle;

    private IEnumerable<XElement> Chain(string? styleId)
    {
        for (var i = 0; i < MaxInheritance && styleId is not null && _styles.TryGetValue(styleId, out var style); i++)
        {
            yield return style;
            styleId = DocxXml.Attr(DocxXml.Child(style, "basedOn"), "val");
        }
    }

    // w:outlineLvl 0-8 are heading levels 1-9; 9 means body text.
    private static int? OutlineLevel(XElement? properties) =>
        int.TryParse(DocxXml.Attr(DocxXml.Child(properties, "outlineLvl"), "val"), NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            ? level is >= 0 and <= 8 ? level + 1 : null
            : null;
}
