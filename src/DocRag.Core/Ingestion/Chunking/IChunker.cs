using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Text;

namespace DocRag.Core.Ingestion.Chunking;

/// <summary>Cuts a parsed document into chunks for the index.</summary>
public interface IChunker
{
    /// <summary>The chunks of <paramref name="document"/>, counted with <paramref name="tokenCounter"/>.</summary>
    IReadOnlyList<DocumentChunk> Chunk(ParsedDocument document, ITokenCounter tokenCounter);
}
