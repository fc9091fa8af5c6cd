using System.Runtime.InteropServices;

namespace DocRag.Core.Tests.Generation.Gguf;

/// <summary>
/// ggml's own description of its tensor types, read from the libggml-base.so that LLamaSharp.Backend.Cpu ships (any
/// of its CPU variants: the table is the same), to check code that computes tensor sizes without ggml.
/// </summary>
internal static unsafe class GgmlTypes
{
    /// <summary>
    /// The newest type the shipped ggml (0.18.0, llama.cpp c0c7e147) knows: asking it about a later one reads past its
    /// table, so Q1_0 and Q2_0 (newer ggml) are checked against DocRag's table only.
    /// </summary>
    public const GgmlType Newest = GgmlType.NVFP4;

    private static readonly Lazy<(nint BlockSize, nint TypeSize)> Exports = new(Load);

    /// <summary>Elements per block and bytes per block of <paramref name="type"/> (1 and the element size for plain types).</summary>
    public static (long BlockSize, long BytesPerBlock) GetBlockLayout(GgmlType type)
    {
        var (blockSize, typeSize) = Exports.Value;
        return (((delegate* unmanaged[Cdecl]<int, long>)blockSize)((int)type), (long)((delegate* unmanaged[Cdecl]<int, nuint>)typeSize)((int)type));
    }

    private static (nint, nint) Load()
    {
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        var path = Directory.EnumerateFiles(native, "libggml-base.so", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var library = NativeLibrary.Load(path);
        return (NativeLibrary.GetExport(library, "ggml_blck_size"), NativeLibrary.GetExport(library, "ggml_type_size"));
    }
}
