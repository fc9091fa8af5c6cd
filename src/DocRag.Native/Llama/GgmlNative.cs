using System.Runtime.InteropServices;
using DocRag.Native.Loading;

namespace DocRag.Native.Llama;

/// <summary>ggml backend registry entry points (libggml and libggml-base).</summary>
internal static partial class GgmlNative
{
    static GgmlNative() => NativeLibraryResolver.EnsureRegistered();

    [LibraryImport(NativeLibraryNames.Ggml, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void ggml_backend_load_all_from_path(string dirPath);

    [LibraryImport(NativeLibraryNames.Ggml)]
    internal static partial nuint ggml_backend_dev_count();

    [LibraryImport(NativeLibraryNames.Ggml)]
    internal static partial nint ggml_backend_dev_get(nuint index);

    [LibraryImport(NativeLibraryNames.GgmlBase)]
    internal static partial nint ggml_backend_dev_name(nint device);

    [LibraryImport(NativeLibraryNames.GgmlBase)]
    internal static partial nint ggml_backend_dev_description(nint device);

    [LibraryImport(NativeLibraryNames.GgmlBase)]
    internal static partial GgmlBackendDeviceType ggml_backend_dev_type(nint device);

    [LibraryImport(NativeLibraryNames.GgmlBase)]
    internal static partial long ggml_blck_size(GgmlType type);

    [LibraryImport(NativeLibraryNames.GgmlBase)]
    internal static partial nuint ggml_type_size(GgmlType type);
}
