using System.Xml;
using System.Xml.Linq;

namespace DocRag.Core.Ingestion.Parsers.Docx;

/// <summary>Loads a part's XML safely (no DTDs, no resolver) and reads names without caring for the namespace flavour.</summary>
internal static class DocxXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static XElement Load(Stream stream)
    {
        try
        {
            using var reader = XmlReader.Create(stream, Settings);
            return XElement.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new DocumentDamagedException($"a part of the DOCX is not well-formed XML ({ex.Message})", ex);
        }
    }

    /// <summary>The value of the attribute named <paramref name="localName"/> in any namespace (w:val, w:id, ...).</summary>
    public static string? Attr(XElement? element, string localName) =>
        element?.Attributes().FirstOrDefault(a => a.Name.LocalName == localName)?.Value;

    /// <summary>The first child named <paramref name="localName"/> in any namespace.</summary>
    public static XElement? Child(XElement? element, string localName) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
}
