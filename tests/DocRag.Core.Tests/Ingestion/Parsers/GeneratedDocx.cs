using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DocRag.Core.Tests.Ingestion.Parsers;

/// <summary>Writes a small real DOCX with the Open XML SDK: styled and outline-level headings, lists, a table, a footnote.</summary>
internal static class GeneratedDocx
{
    public static void Write(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
            new Style(new StyleName { Val = "Level two" }, new StyleParagraphProperties(new OutlineLevel { Val = 1 })) { Type = StyleValues.Paragraph, StyleId = "LevelTwo" },
            new Style(new StyleName { Val = "Section" }, new BasedOn { Val = "LevelTwo" }) { Type = StyleValues.Paragraph, StyleId = "Section" },
            new Style(new StyleName { Val = "Bullets" }, new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })))
            { Type = StyleValues.Paragraph, StyleId = "Bullets" });
        main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new W.Text("Source: annual report.")))) { Id = 1 });
        main.Document = new Document(new Body(
            Styled("Heading1", "Overview"),
            new Paragraph(new Run(new W.Text("Body text with a note")), new Run(new FootnoteReference { Id = 1 })),
            new Paragraph(new Run(new W.Text("kept")), new DeletedRun(new Run(new DeletedText("removed")))),
            Styled("Section", "Details"),
            Styled("Bullets", "styled bullet"),
            new Paragraph(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), new Run(new W.Text("direct numbered"))),
            new Table(Row("A", "B"), Row("C", "D")),
            new Paragraph(new Run(new W.Text("Tab"), new TabChar(), new W.Text("separated"))),
            new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 0 }), new Run(new W.Text("Direct outline heading"))),
            new Paragraph(new Run(new W.Text("Closing words.")))));
        document.PackageProperties.Title = "Generated title";
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new W.Text(text)));

    private static TableRow Row(params string[] cells) =>
        new(cells.Select(c => new TableCell(new Paragraph(new Run(new W.Text(c))))).ToArray<OpenXmlElement>());
}
