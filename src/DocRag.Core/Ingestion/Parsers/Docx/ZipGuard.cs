using System.IO.Compression;

namespace DocRag.Core.Ingestion.Parsers.Docx;

/// <summary>Checks a zip's directory before anything is decompressed: entry count and declared sizes within limits.</summary>
internal static class ZipGuard
{
    public static void Check(Stream stream, int maxEntries, long maxDecompressedBytes)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > maxEntries)
            {
                throw new DocumentTooLargeException(
                    $"the DOCX holds {zip.Entries.Count:N0} parts, more than the limit of {maxEntries:N0} (DocRag:Ingestion:MaxZipEntries); it may be a zip bomb");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > maxDecompressedBytes || entry.Length < 0)
                {
                    throw new DocumentTooLargeException(
                        $"the DOCX declares more than {maxDecompressedBytes:N0} bytes of content (DocRag:Ingestion:MaxDecompressedBytes); it may be a zip bomb");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentDamagedException($"the DOCX is not a readable zip package ({ex.Message})", ex);
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
