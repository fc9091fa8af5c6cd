using System.Text;

namespace DocRag.Core.Generation.Gguf;

/// <summary>The metadata and tensor-info sections, read with every length checked against the bytes left.</summary>
public static partial class GgufFileValidator
{
    private const int MaxArrayDepth = 4;

    private sealed class Metadata
    {
        public string Architecture { get; set; } = string.Empty;

        public string? Name { get; set; }

        public bool HasChatTemplate { get; set; }

        public long? Alignment { get; set; }
    }

    private static Metadata ReadMetadata(BinaryReader r, long count, long length)
    {
        var metadata = new Metadata();
        for (long i = 0; i < count; i++)
        {
            var key = ReadString(r, length, "metadata key");
            var type = r.ReadUInt32();
            if (type == 8 && key is "general.architecture" or "general.name")
            {
                var value = ReadString(r, length, key);
                if (key == "general.architecture")
                {
                    metadata.Architecture = value;
                }
                else
                {
                    metadata.Name = value;
                }

                continue;
            }

            if (key == "general.alignment")
            {
                if (type != 4)
                {
                    throw new InvalidDataException("general.alignment is not a uint32");
                }

                var alignment = r.ReadUInt32();
                if (alignment == 0 || (alignment & (alignment - 1)) != 0)
                {
                    throw new InvalidDataException($"general.alignment {alignment} is not a power of two");
                }

                metadata.Alignment = alignment;
                continue;
            }

            metadata.HasChatTemplate |= key.StartsWith("tokenizer.chat_template", StringComparison.Ordinal);
            SkipValue(r, type, length, key, depth: 0);
        }

        return metadata;
    }

    private static void SkipValue(BinaryReader r, uint type, long length, string key, int depth)
    {
        var size = ScalarSize(type);
        if (size > 0)
        {
            Skip(r, size, length, key);
            return;
        }

        switch (type)
        {
            case 8:
                var n = r.ReadInt64();
                Skip(r, n, length, key);
                break;
            case 9 when depth < MaxArrayDepth:
                var elementType = r.ReadUInt32();
                var count = r.ReadInt64();
                var elementSize = ScalarSize(elementType);
                var minimum = elementSize > 0 ? elementSize : 8;
                if (count < 0 || count > (length - r.BaseStream.Position) / minimum)
                {
                    throw new InvalidDataException($"metadata '{key}' claims an array of {count} entries, beyond the end of the file");
                }

                if (elementSize > 0)
                {
                    Skip(r, count * elementSize, length, key);
                    break;
                }

                for (long i = 0; i < count; i++)
                {
                    SkipValue(r, elementType, length, key, depth + 1);
                }

                break;
            default:
                throw new InvalidDataException($"metadata '{key}' has unknown value type {type}");
        }
    }

    private static long ScalarSize(uint type) => type switch
    {
        0 or 1 or 7 => 1,
        2 or 3 => 2,
        4 or 5 or 6 => 4,
        10 or 11 or 12 => 8,
        _ => 0,
    };

    private static long ReadTensorInfos(BinaryReader r, long count, long length, long alignment, out string lastTensor)
    {
        long end = 0;
        lastTensor = string.Empty;
        for (long i = 0; i < count; i++)
        {
            var name = ReadString(r, length, "tensor name");
            if (Encoding.UTF8.GetByteCount(name) >= MaxNameBytes)
            {
                throw new InvalidDataException($"tensor name '{name[..Math.Min(name.Length, 80)]}' is longer than ggml allows ({MaxNameBytes - 1} bytes)");
            }

            var dims = r.ReadUInt32();
            if (dims is 0 or > MaxDimensions)
            {
                throw new InvalidDataException($"tensor '{name}' has {dims} dimensions (1 to {MaxDimensions} allowed)");
            }

            long elements = 1;
            long rowLength = 0;
            for (var d = 0; d < dims; d++)
            {
                var ne = r.ReadInt64();
                if (ne <= 0 || elements > long.MaxValue / ne)
                {
                    throw new InvalidDataException($"tensor '{name}' has an invalid dimension {ne}");
                }

                rowLength = d == 0 ? ne : rowLength;
                elements *= ne;
            }

            var type = r.ReadUInt32();
            if (!GgufTensorTypes.TryGetLayout(type, out var typeName, out var blockSize, out var bytesPerBlock))
            {
                throw new InvalidDataException($"tensor '{name}' has tensor type {type}, which this llama.cpp does not know");
            }

            if (rowLength % blockSize != 0)
            {
                throw new InvalidDataException($"tensor '{name}' rows of {rowLength} are not a multiple of the {typeName} block size {blockSize}");
            }

            var offset = r.ReadInt64();
            if (offset < 0 || offset % alignment != 0)
            {
                throw new InvalidDataException($"tensor '{name}' has a misaligned data offset {offset}");
            }

            var bytes = elements / blockSize * bytesPerBlock;
            if (offset + bytes > end)
            {
                end = offset + bytes;
                lastTensor = name;
            }
        }

        return end;
    }

    private static string ReadString(BinaryReader r, long length, string what)
    {
        var n = r.ReadInt64();
        if (n < 0 || n > length - r.BaseStream.Position)
        {
            throw new InvalidDataException($"a {what} claims {n} bytes, beyond the end of the file (truncated or corrupt header)");
        }

        return Encoding.UTF8.GetString(r.ReadBytes((int)Math.Min(n, int.MaxValue)));
    }

    private static void Skip(BinaryReader r, long count, long length, string key)
    {
        if (count < 0 || count > length - r.BaseStream.Position)
        {
            throw new InvalidDataException($"metadata '{key}' runs past the end of the file (truncated or corrupt header)");
        }

        r.BaseStream.Seek(count, SeekOrigin.Current);
    }
}
