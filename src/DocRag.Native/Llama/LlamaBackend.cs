using System.Runtime.InteropServices;
using LLama.Native;

namespace DocRag.Native.Llama;

/// <summary>
/// Loads LLamaSharp's native llama.cpp once (it picks the linux-x64 CPU build that suits this processor: avx512, avx2,
/// avx or noavx), with DocRag's log callback in place first, and reports what was loaded.
/// </summary>
public static class LlamaBackend
{
    private static readonly Lock Gate = new();
    private static bool _loaded;

    /// <summary>Loads llama.cpp; later calls do nothing. Throws when the native library cannot be loaded.</summary>
    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref _loaded))
        {
            return;
        }

        lock (Gate)
        {
            if (_loaded)
            {
                return;
            }

            LlamaLog.EnsureInstalled(); // before the library loads, so its first messages are routed too
            NativeApi.llama_empty_call();
            Volatile.Write(ref _loaded, true);
        }
    }

    /// <summary>Which build LLamaSharp loaded, for example "CPU, avx2" (a CUDA or Vulkan build says so).</summary>
    public static string LoadedBuild
    {
        get
        {
            EnsureLoaded();
            if (NativeApi.GetLoadedNativeLibrary(NativeLibraryName.LLama)?.Metadata is not { } metadata)
            {
                return "unknown build";
            }

            var device = metadata.UseCuda ? "CUDA" : metadata.UseVulkan ? "Vulkan" : "CPU";
            return $"{device}, {metadata.AvxLevel.ToString().ToLowerInvariant()}";
        }
    }

    /// <summary>The devices registered by the loaded backends (the CPU; a GPU where a GPU build is loaded).</summary>
    public static IReadOnlyList<LlamaBackendDevice> GetDevices()
    {
        EnsureLoaded();
        var count = (int)NativeApi.ggml_backend_dev_count();
        var devices = new List<LlamaBackendDevice>(count);
        for (var i = 0; i < count; i++)
        {
            var name = Marshal.PtrToStringUTF8(NativeApi.ggml_backend_dev_name(NativeApi.ggml_backend_dev_get((nuint)i))) ?? string.Empty;
            devices.Add(new LlamaBackendDevice(name, name, TypeOf(name)));
        }

        return devices;
    }

    /// <summary>llama.cpp's system info line (CPU features of the loaded backend, GPU backends).</summary>
    public static string GetSystemInfo()
    {
        EnsureLoaded();
        return (Marshal.PtrToStringUTF8(NativeApi.llama_print_system_info()) ?? string.Empty).Trim();
    }

    // LLamaSharp exposes device names, not ggml's device types: ggml names them CPU, BLAS, RPC[...] or after the GPU API.
    private static GgmlBackendDeviceType TypeOf(string name) =>
        name.StartsWith("CPU", StringComparison.OrdinalIgnoreCase) ? GgmlBackendDeviceType.Cpu
        : name.StartsWith("BLAS", StringComparison.OrdinalIgnoreCase) || name.StartsWith("RPC", StringComparison.OrdinalIgnoreCase) ? GgmlBackendDeviceType.Accelerator
        : GgmlBackendDeviceType.Gpu;
}
