using DocRag.Core.Ingestion.Chunking;

namespace DocRag.Core.Tests.Ingestion.Chunking;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("One. Two! Three? Four", new[] { "One.", "Two!", "Three?", "Four" })]
    [InlineData("Dr. Smith met J. Doe, e.g. at noon. Then left.", new[] { "Dr. Smith met J. Doe, e.g. at noon.", "Then left." })]
    [InlineData("Version 2.5 is out. Done", new[] { "Version 2.5 is out.", "Done" })]
    [InlineData("第一句。第二句。", new[] { "第一句。", "第二句。" })]
    public void Split_FindsSentenceEnds(string text, string[] expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(text, 0, text.Length).Select(r => text[r.Start..r.End]));
}
