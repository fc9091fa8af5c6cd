using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Text;

namespace DocRag.Core.Ingestion.Chunking;

/// <summary>
/// Structure first, then size: a chunk never crosses a heading (a section), is packed from whole sentences up to the
/// token limit, and the next chunk of the same section repeats the last sentences (or words) up to the overlap.
/// Nothing is cut inside a word. Sections that hold only headings are carried into the next section.
/// </summary>
public sealed partial class StructuredChunker : IChunker
{
    private readonly ChunkingOptions _options;

    public StructuredChunker(ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxTokens < 8 || options.OverlapTokens < 0 || options.OverlapTokens >= options.MaxTokens / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "chunks need at least 8 tokens and an overlap under half of them");
        }

        _options = options;
    }

    public IReadOnlyList<DocumentChunk> Chunk(ParsedDocument document, ITokenCounter tokenCounter)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(tokenCounter);
        var text = string.Join(ParsedDocument.BlockSeparator, document.Blocks.Select(b => b.Text));
        var chunks = new List<DocumentChunk>();
        var pending = new List<TextUnit>();
        var offset = 0;
        var blockIndex = 0;
        while (blockIndex < document.Blocks.Count)
        {
            // A section: a heading (or the start) and the blocks up to the next heading.
            var path = document.Blocks[blockIndex].HeadingPath;
            var hasBody = false;
            do
            {
                var block = document.Blocks[blockIndex];
                Units(text, offset, offset + block.Text.Length, block.Page, tokenCounter, pending);
                hasBody |= block.Kind != BlockKind.Heading;
                offset += block.Text.Length + ParsedDocument.BlockSeparator.Length;
                blockIndex++;
            }
            while (blockIndex < document.Blocks.Count && document.Blocks[blockIndex].Kind != BlockKind.Heading);

            if (hasBody || blockIndex == document.Blocks.Count)
            {
                Pack(text, pending, path, tokenCounter, chunks);
                pending.Clear();
            }
        }

        return chunks;
    }
}
