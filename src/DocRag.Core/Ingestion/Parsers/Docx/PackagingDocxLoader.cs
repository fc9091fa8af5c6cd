using System.IO.Packaging;
using System.Xml.Linq;

namespace DocRag.Core.Ingestion.Parsers.Docx;

/// <summary>
/// Finds the text parts through System.IO.Packaging by relationship type suffix, so Strict OOXML
/// (purl.oclc.org relationship types, which the Open XML SDK 2.20 does not map) reads like Transitional.
/// </summary>
internal static class PackagingDocxLoader
{
    public static DocxParts Load(Stream stream, DecompressionBudget budget)
    {
        using var package = Package.Open(stream, FileMode.Open, FileAccess.Read);
        var officeDocument = package.GetRelationships().FirstOrDefault(r => r.RelationshipType.EndsWith("/officeDocument", StringComparison.Ordinal))
            ?? throw new DocumentDamagedException("the DOCX has no main document part");
        var main = package.GetPart(PackUriHelper.ResolvePartUri(new Uri("/", UriKind.Relative), officeDocument.TargetUri));
        var related = main.GetRelationships()
            .Where(r => r.TargetMode == TargetMode.Internal)
            .Select(r => (Type: r.RelationshipType[(r.RelationshipType.LastIndexOf('/') + 1)..], Uri: PackUriHelper.ResolvePartUri(main.Uri, r.TargetUri)))
            .Where(r => package.PartExists(r.Uri))
            .ToArray();

        XElement? One(string type) => related.FirstOrDefault(r => r.Type == type) is { Uri: not null } r ? Read(package.GetPart(r.Uri), budget) : null;

        return new DocxParts(
            Read(main, budget),
            One("styles"),
            One("numbering"),
            One("footnotes"),
            One("endnotes"),
            related.Where(r => r.Type is "header" or "footer").Select(r => Read(package.GetPart(r.Uri), budget)).ToArray(),
            TryTitle(package));
    }

    // Broken document properties must not cost the text: the title is optional.
    private static string? TryTitle(Package package)
    {
        try
        {
            return package.PackageProperties.Title;
        }
        catch (Exception ex) when (ex is FileFormatException or InvalidOperationException or System.Xml.XmlException)
        {
            return null;
        }
    }

    private static XElement Read(PackagePart part, DecompressionBudget budget)
    {
        using var stream = new BudgetedStream(part.GetStream(FileMode.Open, FileAccess.Read), budget);
        return DocxXml.Load(stream);
    }
}
