using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Text;

namespace DocRag.Core.Tests.Ingestion.Chunking;

public sealed class StructuredChunkerTests
{
    private static readonly ApproximateTokenCounter Counter = ApproximateTokenCounter.Instance;

    [Fact]
    public void Chunk_ChunkTextIsTheExtractedTextBetweenItsOffsets()
    {
        var document = Document(LongSection("Alpha", 40), LongSection("Beta", 25));

        var chunks = new StructuredChunker(new ChunkingOptions(50, 8)).Chunk(document, Counter);

        var extracted = string.Join(ParsedDocument.BlockSeparator, document.Blocks.Select(b => b.Text));
        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.Equal(extracted[c.CharStart..c.CharEnd], c.Text));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public void Chunk_NeverCutsInsideAWordOrCrossesAHeading()
    {
        var document = Document(LongSection("Alpha", 40), LongSection("Beta", 25));

        var chunks = new StructuredChunker(new ChunkingOptions(50, 8)).Chunk(document, Counter);

        var extracted = string.Join(ParsedDocument.BlockSeparator, document.Blocks.Select(b => b.Text));
        foreach (var c in chunks)
        {
            Assert.True(c.CharStart == 0 || !char.IsLetterOrDigit(extracted[c.CharStart - 1]), $"chunk {c.Ordinal} starts mid-word");
            Assert.True(c.CharEnd == extracted.Length || !char.IsLetterOrDigit(extracted[c.CharEnd]), $"chunk {c.Ordinal} ends mid-word");
            Assert.False(c.Text.Contains("Alpha", StringComparison.Ordinal) && c.Text.Contains("Beta", StringComparison.Ordinal));
        }

        Assert.All(chunks.Where(c => c.Text.Contains("Beta", StringComparison.Ordinal)), c => Assert.Equal(["Beta"], c.HeadingPath));
    }

    [Fact]
    public void Chunk_RespectsSizeAndOverlapsConsecutiveChunksOfASection()
    {
        var document = Document(LongSection("Alpha", 60));

        var chunks = new StructuredChunker(new ChunkingOptions(50, 8)).Chunk(document, Counter);

        Assert.All(chunks, c => Assert.InRange(c.TokenCount, 1, 50));
        Assert.All(chunks, c => Assert.Equal(Counter.CountTokens(c.Text), c.TokenCount));
        for (var i = 1; i < chunks.Count; i++)
        {
            var overlap = chunks[i - 1].CharEnd - chunks[i].CharStart;
            Assert.True(overlap > 0, $"chunk {i} should repeat the end of chunk {i - 1}");
            Assert.InRange(Counter.CountTokens(chunks[i].Text[..overlap]), 1, 8);
        }
    }

    [Fact]
    public void Chunk_KeepsPagesOfTheBlocksItSpans()
    {
        var blocks = Enumerable.Range(1, 6)
            .Select(p => new DocumentBlock($"Page {p} says something about item {p}. It continues for a while with more words.", p, [], BlockKind.Paragraph))
            .ToArray();
        var document = new ParsedDocument(null, 6, TextLanguage.English, blocks);

        var chunks = new StructuredChunker(new ChunkingOptions(40, 4)).Chunk(document, Counter);

        Assert.Equal(1, chunks[0].PageStart);
        Assert.Equal(6, chunks[^1].PageEnd);
        Assert.All(chunks, c => Assert.True(c.PageStart <= c.PageEnd));
        Assert.Contains(chunks, c => c.PageEnd > c.PageStart);
    }

    [Fact]
    public void Chunk_OverlongSentenceIsSplitBetweenWords()
    {
        var sentence = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i}"));
        var document = new ParsedDocument(null, 1, TextLanguage.English, [new DocumentBlock(sentence, 1, [], BlockKind.Paragraph)]);

        var chunks = new StructuredChunker(new ChunkingOptions(50, 5)).Chunk(document, Counter);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.InRange(c.TokenCount, 1, 50));
        Assert.All(chunks, c => Assert.Matches(@"^word\d+( word\d+)*$", c.Text));
        Assert.Contains("word399", chunks[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_HeadingWithoutBodyJoinsTheNextSection()
    {
        var document = new ParsedDocument(null, 1, TextLanguage.English,
        [
            new DocumentBlock("Part one", 1, ["Part one"], BlockKind.Heading),
            new DocumentBlock("Chapter", 1, ["Part one", "Chapter"], BlockKind.Heading),
            new DocumentBlock("Body text here.", 1, ["Part one", "Chapter"], BlockKind.Paragraph),
        ]);

        var chunk = Assert.Single(new StructuredChunker(new ChunkingOptions(300, 45)).Chunk(document, Counter));

        Assert.Equal("Part one\n\nChapter\n\nBody text here.", chunk.Text);
        Assert.Equal(["Part one", "Chapter"], chunk.HeadingPath);
    }

    [Fact]
    public void Chunk_EmptyDocument_HasNoChunks() =>
        Assert.Empty(new StructuredChunker(new ChunkingOptions(300, 45)).Chunk(new ParsedDocument(null, 1, TextLanguage.Other, []), Counter));

    private static ParsedDocument Document(params DocumentBlock[][] sections) =>
        new(null, 1, TextLanguage.English, sections.SelectMany(s => s).ToArray());

    private static DocumentBlock[] LongSection(string heading, int sentences)
    {
        var body = Enumerable.Range(0, sentences)
            .Select(i => $"Sentence number {i} of {heading} explains a detail about the system and its configuration.")
            .Chunk(4)
            .Select(group => new DocumentBlock(string.Join(' ', group), 1, [heading], BlockKind.Paragraph));
        return [new DocumentBlock(heading, 1, [heading], BlockKind.Heading), .. body];
    }
}
