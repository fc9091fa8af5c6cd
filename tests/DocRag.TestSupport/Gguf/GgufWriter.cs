using System.Text;

namespace DocRag.TestSupport.Gguf;

/// <summary>
/// Writes GGUF version 3 files: header, typed metadata (scalars, strings, arrays), tensor infos and aligned tensor data.
/// Output is a pure function of what was added, in the order it was added.
/// </summary>
public sealed partial class GgufWriter
{
    public const uint Magic = 0x46554747; // "GGUF" little-endian
    public const uint Version = 3;
    public const int DefaultAlignment = 32;

    private readonly List<(string Key, GgufValueType Type, object Value)> _metadata = [];
    private readonly List<GgufTensor> _tensors = [];

    /// <summary>Alignment of the tensor data (written as <c>general.alignment</c> when not the default).</summary>
    public int Alignment { get; init; } = DefaultAlignment;

    public IReadOnlyList<GgufTensor> Tensors => _tensors;

    public GgufWriter AddTensor(GgufTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Dimensions.Length is < 1 or > 4)
        {
            throw new ArgumentException($"Tensor {tensor.Name} has {tensor.Dimensions.Length} dimensions; GGUF allows 1 to 4.", nameof(tensor));
        }

        _tensors.Add(tensor);
        return this;
    }

    /// <summary>Adds an F32 tensor held in memory.</summary>
    public GgufWriter AddTensor(string name, float[] data, params long[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(data);
        var expected = dimensions.Aggregate(1L, (a, d) => a * d);
        if (expected != data.Length)
        {
            throw new ArgumentException($"Tensor {name}: {data.Length} values for dimensions [{string.Join(", ", dimensions)}].", nameof(data));
        }

        var bytes = new byte[data.Length * sizeof(float)];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        return AddTensor(new GgufTensor(name, GgufTensorType.F32, dimensions, bytes.Length, s => s.Write(bytes)));
    }

    public void Write(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Write(file);
    }

    public void Write(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var metadata = _metadata.ToList();
        if (Alignment != DefaultAlignment && metadata.All(m => m.Key != "general.alignment"))
        {
            metadata.Add(("general.alignment", GgufValueType.UInt32, (uint)Alignment));
        }

        using var w = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write((ulong)_tensors.Count);
        w.Write((ulong)metadata.Count);
        foreach (var (key, type, value) in metadata)
        {
            WriteString(w, key);
            w.Write((uint)type);
            WriteValue(w, type, value);
        }

        long offset = 0;
        foreach (var t in _tensors)
        {
            WriteString(w, t.Name);
            w.Write((uint)t.Dimensions.Length);
            foreach (var d in t.Dimensions)
            {
                w.Write((ulong)d);
            }

            w.Write((uint)t.Type);
            w.Write((ulong)offset);
            offset = Align(offset + t.ByteLength);
        }

        w.Flush();
        Pad(output, Align(output.Position) - output.Position);
        foreach (var t in _tensors)
        {
            var start = output.Position;
            t.WriteData(output);
            var written = output.Position - start;
            if (written != t.ByteLength)
            {
                throw new InvalidOperationException($"Tensor {t.Name} wrote {written} bytes but declared {t.ByteLength}.");
            }

            Pad(output, Align(written) - written);
        }
    }

    private long Align(long value) => (value + Alignment - 1) / Alignment * Alignment;

    private static void Pad(Stream output, long count)
    {
        for (var i = 0; i < count; i++)
        {
            output.WriteByte(0);
        }
    }
}
