namespace DocRag.Core.Ingestion.Parsers;

/// <summary>What a <see cref="DocumentBlock"/> is in its document.</summary>
public enum BlockKind
{
    Paragraph = 0,
    Heading = 1,
    ListItem = 2,
    TableRow = 3,
    Code = 4,
    Quote = 5,
    Note = 6,
    TextBox = 7,
    HeaderFooter = 8,
}
