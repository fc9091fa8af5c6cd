using System.Runtime.InteropServices;
using DocRag.Native.Loading;

namespace DocRag.Native.Llama;

/// <summary>llama.cpp v0.5.0 entry points (libllama).</summary>
internal static partial class LlamaNative
{
    static LlamaNative() => NativeLibraryResolver.EnsureRegistered();

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_print_system_info();
}
