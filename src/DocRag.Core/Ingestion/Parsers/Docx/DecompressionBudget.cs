namespace DocRag.Core.Ingestion.Parsers.Docx;

/// <summary>The bytes a package may still decompress to; shared by all its parts (a zip bomb runs it out).</summary>
internal sealed class DecompressionBudget(long limit)
{
    private long _remaining = limit;

    public long Limit { get; } = limit;

    public void Spend(int bytes)
    {
        _remaining -= bytes;
        if (_remaining < 0)
        {
            throw new DocumentTooLargeException(
                $"the DOCX decompresses to more than {Limit:N0} bytes (DocRag:Ingestion:MaxDecompressedBytes); it may be a zip bomb");
        }
    }
}
