using DocumentFormat.OpenXml.Packaging;
using System.Xml.Linq;

namespace DocRag.Core.Ingestion.Parsers.Docx;

/// <summary>Finds the text parts of a Transitional DOCX with the Open XML SDK.</summary>
internal static class OpenXmlDocxLoader
{
    /// <summary>The parts, or null when the SDK finds no main document part (Strict packages use other relationship types).</summary>
    public static DocxParts? TryLoad(Stream stream, DecompressionBudget budget)
    {
        using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = budget.Limit });
        var main = document.MainDocumentPart;
        if (main is null)
        {
            return null;
        }

        var headersAndFooters = main.HeaderParts.Cast<OpenXmlPart>().Concat(main.FooterParts)
            .Select(p => Load(p, budget)!)
            .ToArray();
        return new DocxParts(
            Load(main, budget)!,
            Load(main.StyleDefinitionsPart, budget),
            Load(main.NumberingDefinitionsPart, budget),
            Load(main.FootnotesPart, budget),
            Load(main.EndnotesPart, budget),
            headersAndFooters,
            document.PackageProperties.Title);
    }

    private static XElement? Load(OpenXmlPart? part, DecompressionBudget budget)
    {
        if (part is null)
        {
            return null;
        }

        using var stream = new BudgetedStream(part.GetStream(FileMode.Open, FileAccess.Read), budget);
        return DocxXml.Load(stream);
    }
}
