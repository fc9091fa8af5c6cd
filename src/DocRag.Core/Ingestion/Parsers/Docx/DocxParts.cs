using System.Xml.Linq;

namespace DocRag.Core.Ingestion.Parsers.Docx;

/// <summary>The XML parts of a DOCX that carry text, loaded once whichever flavour (Transitional or Strict) the file is.</summary>
internal sealed record DocxParts(
    XElement Document,
    XElement? Styles,
    XElement? Numbering,
    XElement? Footnotes,
    XElement? Endnotes,
    IReadOnlyList<XElement> HeadersAndFooters,
    string? Title);
