using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DocRag.Core.Tests.Ingestion.Parsers;

/// <summary>DOCX zip bombs built from <see cref="GeneratedDocx"/>: too many entries, a huge declared part, a part lying about its size.</summary>
internal static class ZipBombs
{
    public static void WriteManyEntries(string path, int entries)
    {
        GeneratedDocx.Write(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        for (var i = 0; i < entries; i++)
        {
            zip.CreateEntry($"customXml/item{i}.xml");
        }
    }

    public static void WriteDeclared(string path, int zeros)
    {
        GeneratedDocx.Write(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        using var stream = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
        stream.Write(new byte[zeros]);
    }

    /// <summary>
    /// The main part padded with <paramref name="padding"/> bytes of an XML comment, then its sizes in the zip directory
    /// and local header rewritten to claim 1,000 bytes: a check of declared sizes alone lets it through.
    /// </summary>
    public static void WriteLying(string path, int padding)
    {
        GeneratedDocx.Write(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var main = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(main.Open()))
            {
                xml = reader.ReadToEnd();
            }

            main.Delete();
            var end = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            writer.Write(xml[..end]);
            writer.Write("<!--");
            writer.Write(new string('x', padding));
            writer.Write("-->");
            writer.Write(xml[end..]);
        }

        var bytes = File.ReadAllBytes(path);
        var name = "word/document.xml"u8;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) != 0x02014b50)
            {
                continue;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28));
            if (bytes.AsSpan(i + 46, nameLength).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), 1000);
                var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i + 42));
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), 1000);
            }
        }

        File.WriteAllBytes(path, bytes);
    }
}
