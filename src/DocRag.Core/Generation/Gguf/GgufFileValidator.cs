using System.Text;

namespace DocRag.Core.Generation.Gguf;

/// <summary>
/// Checks that a file is a structurally sound GGUF before llama.cpp sees it: magic, version, sane counts, every metadata
/// value and tensor info within the file, known tensor types, and tensor data that the file actually holds (a truncated
/// download fails here, with how many bytes are missing). Reads only the header; never loads weights.
/// </summary>
public static partial class GgufFileValidator
{
    private const uint Magic = 0x46554747; // "GGUF"
    private const int MaxNameBytes = 64; // GGML_MAX_NAME
    private const int MaxDimensions = 4;

    /// <summary>Validates <paramref name="path"/>; throws <see cref="GenerationModelException"/> saying what is wrong.</summary>
    public static GgufFileSummary Validate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new GenerationModelException(full, $"Model file not found: {full}");
        }

        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            return Read(reader, stream.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new GenerationModelException(full, $"'{Path.GetFileName(full)}' is not a usable GGUF model: {ex.Message}", ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new GenerationModelException(full, $"'{Path.GetFileName(full)}' is not a usable GGUF model: the header ends early (truncated file?)", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GenerationModelException(full, $"Model file '{full}' cannot be read: {ex.Message}", ex);
        }
    }

    private static GgufFileSummary Read(BinaryReader r, long length)
    {
        if (length < 24)
        {
            throw new InvalidDataException($"the file is only {length} bytes; a GGUF header alone needs 24");
        }

        var magic = r.ReadUInt32();
        if (magic != Magic)
        {
            throw new InvalidDataException(DescribeWrongMagic(magic));
        }

        var version = r.ReadUInt32();
        if (version is not (2 or 3))
        {
            throw new InvalidDataException($"GGUF version {version} is not supported (llama.cpp reads versions 2 and 3)");
        }

        var tensorCount = r.ReadInt64();
        var kvCount = r.ReadInt64();
        var room = length - r.BaseStream.Position;
        if (tensorCount < 0 || tensorCount > room / 24)
        {
            throw new InvalidDataException($"it claims {tensorCount} tensors, more than its {length} bytes can describe");
        }

        if (kvCount < 0 || kvCount > room / 13)
        {
            throw new InvalidDataException($"it claims {kvCount} metadata entries, more than its {length} bytes can hold");
        }

        var metadata = ReadMetadata(r, kvCount, length);
        var alignment = metadata.Alignment ?? 32;
        var dataBytes = ReadTensorInfos(r, tensorCount, length, alignment, out var lastTensor);
        var dataOffset = Align(r.BaseStream.Position, alignment);
        if (dataOffset + dataBytes > length)
        {
            var missing = dataOffset + dataBytes - length;
            throw new InvalidDataException(
                $"it is truncated: tensor data ends at byte {dataOffset + dataBytes} but the file has {length} ({missing} bytes missing, last tensor '{lastTensor}'); re-download it");
        }

        if (string.IsNullOrWhiteSpace(metadata.Architecture))
        {
            throw new InvalidDataException("it has no general.architecture, so it is not a model llama.cpp can load");
        }

        return new GgufFileSummary((int)version, tensorCount, kvCount, metadata.Architecture, metadata.Name, metadata.HasChatTemplate, dataOffset, dataBytes, length);
    }

    private static long Align(long value, long alignment) => (value + alignment - 1) / alignment * alignment;

    private static string DescribeWrongMagic(uint magic)
    {
        var bytes = BitConverter.GetBytes(magic);
        var text = Encoding.ASCII.GetString(bytes);
        return text switch
        {
            "ggml" or "ggmf" or "ggjt" or "lmgg" or "fmgg" or "tjgg" => "it is a legacy GGML file; convert it to GGUF",
            _ when bytes[0] == (byte)'P' && bytes[1] == (byte)'K' => "it is a ZIP archive, not a GGUF file",
            _ when bytes[0] == (byte)'<' => "it looks like an HTML/XML page (a failed download?), not a GGUF file",
            _ when bytes[0] == (byte)'{' => "it looks like JSON, not a GGUF file",
            _ => $"it does not start with the GGUF magic (found bytes {Convert.ToHexString(bytes)})",
        };
    }
}
