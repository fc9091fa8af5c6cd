using System.Runtime.InteropServices;
using DocRag.Native.Loading;

namespace DocRag.Native.Llama;

/// <summary>
/// Loads llama.cpp's ggml backends once, from the folder that holds libllama (plain ggml_backend_load_all looks
/// beside the dotnet host and finds none), and reports what was found.
/// </summary>
public static class LlamaBackend
{
    private static readonly Lock Gate = new();
    private static string? _loadedFrom;

    /// <summary>The folder the backends were loaded from, or null before <see cref="EnsureLoaded"/>.</summary>
    public static string? LoadedFrom => _loadedFrom;

    /// <summary>Loads every backend library in the native folder; later calls do nothing.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loadedFrom is not null)
            {
                return;
            }

            var dir = NativeLibraryResolver.FindLibraryDirectory(NativeLibraryNames.Llama)
                ?? throw new DllNotFoundException(NativeLibraryResolver.DescribeMissing(NativeLibraryNames.Llama));
            LlamaLog.EnsureInstalled(); // before the backends load, so their messages are routed too
            GgmlNative.ggml_backend_load_all_from_path(dir);
            _loadedFrom = dir;
        }
    }

    /// <summary>The devices registered by the loaded backends.</summary>
    public static IReadOnlyList<LlamaBackendDevice> GetDevices()
    {
        EnsureLoaded();
        var count = (int)GgmlNative.ggml_backend_dev_count();
        var devices = new List<LlamaBackendDevice>(count);
        for (var i = 0; i < count; i++)
        {
            var dev = GgmlNative.ggml_backend_dev_get((nuint)i);
            devices.Add(new LlamaBackendDevice(
                Marshal.PtrToStringUTF8(GgmlNative.ggml_backend_dev_name(dev)) ?? string.Empty,
                Marshal.PtrToStringUTF8(GgmlNative.ggml_backend_dev_description(dev)) ?? string.Empty,
                GgmlNative.ggml_backend_dev_type(dev)));
        }

        return devices;
    }

    /// <summary>llama.cpp's system info line (CPU features of the loaded backend, GPU backends).</summary>
    public static string GetSystemInfo()
    {
        EnsureLoaded();
        return (Marshal.PtrToStringUTF8(LlamaNative.llama_print_system_info()) ?? string.Empty).Trim();
    }
}
