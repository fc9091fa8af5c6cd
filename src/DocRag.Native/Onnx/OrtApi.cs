using System.Runtime.InteropServices;

namespace DocRag.Native.Onnx;

/// <summary>
/// The <c>OrtApi</c> function table of ORT_API_VERSION 30, read once from <c>OrtGetApiBase()-&gt;GetApi(30)</c>. Each
/// entry DocRag uses is called through a typed function pointer taken at its index (<see cref="OrtApiIndex"/>).
/// Pointers to ORT objects are plain <c>nint</c> here; ownership lives in the SafeHandles.
/// </summary>
internal static unsafe partial class OrtApi
{
    private static readonly Lock Gate = new();
    private static nint* _table;

    /// <summary>The table; throws <see cref="DllNotFoundException"/> or <see cref="OnnxRuntimeException"/> if ORT cannot give it.</summary>
    internal static nint* Table => _table != null ? _table : Load();

    private static nint* Load()
    {
        lock (Gate)
        {
            if (_table == null)
            {
                var apiBase = OrtNative.OrtGetApiBase();
                var table = (nint*)apiBase->GetApi((uint)NativeVersions.OnnxRuntimeApiVersion);
                if (table == null)
                {
                    var version = Marshal.PtrToStringUTF8((nint)apiBase->GetVersionString());
                    throw new OnnxRuntimeException(
                        OrtErrorCode.NotImplemented,
                        $"The loaded ONNX Runtime {version} does not provide C API version {NativeVersions.OnnxRuntimeApiVersion}; DocRag needs ONNX Runtime {NativeVersions.OnnxRuntime}.");
                }

                _table = table;
            }

            return _table;
        }
    }

    internal static nint CreateStatus(OrtErrorCode code, byte* message) =>
        ((delegate* unmanaged<OrtErrorCode, byte*, nint>)Table[OrtApiIndex.CreateStatus])(code, message);

    internal static OrtErrorCode GetErrorCode(nint status) =>
        ((delegate* unmanaged<nint, OrtErrorCode>)Table[OrtApiIndex.GetErrorCode])(status);

    internal static byte* GetErrorMessage(nint status) =>
        ((delegate* unmanaged<nint, byte*>)Table[OrtApiIndex.GetErrorMessage])(status);

    internal static void ReleaseStatus(nint status) =>
        ((delegate* unmanaged<nint, void>)Table[OrtApiIndex.ReleaseStatus])(status);

    internal static byte* GetBuildInfoString() =>
        ((delegate* unmanaged<byte*>)Table[OrtApiIndex.GetBuildInfoString])();

    internal static nint GetAvailableProviders(byte*** providers, int* count) =>
        ((delegate* unmanaged<byte***, int*, nint>)Table[OrtApiIndex.GetAvailableProviders])(providers, count);

    internal static nint ReleaseAvailableProviders(byte** providers, int count) =>
        ((delegate* unmanaged<byte**, int, nint>)Table[OrtApiIndex.ReleaseAvailableProviders])(providers, count);

    internal static nint CreateEnvWithCustomLogger(
        delegate* unmanaged<nint, OrtLoggingLevel, byte*, byte*, byte*, byte*, void> logger, nint param, OrtLoggingLevel level, byte* logId, nint* env) =>
        ((delegate* unmanaged<delegate* unmanaged<nint, OrtLoggingLevel, byte*, byte*, byte*, byte*, void>, nint, OrtLoggingLevel, byte*, nint*, nint>)
            Table[OrtApiIndex.CreateEnvWithCustomLogger])(logger, param, level, logId, env);

    internal static void ReleaseEnv(nint env) =>
        ((delegate* unmanaged<nint, void>)Table[OrtApiIndex.ReleaseEnv])(env);

    internal static nint CreateCpuMemoryInfo(int allocatorType, int memType, nint* info) =>
        ((delegate* unmanaged<int, int, nint*, nint>)Table[OrtApiIndex.CreateCpuMemoryInfo])(allocatorType, memType, info);

    internal static void ReleaseMemoryInfo(nint info) =>
        ((delegate* unmanaged<nint, void>)Table[OrtApiIndex.ReleaseMemoryInfo])(info);

    internal static nint GetAllocatorWithDefaultOptions(nint* allocator) =>
        ((delegate* unmanaged<nint*, nint>)Table[OrtApiIndex.GetAllocatorWithDefaultOptions])(allocator);

    internal static nint AllocatorFree(nint allocator, void* p) =>
        ((delegate* unmanaged<nint, void*, nint>)Table[OrtApiIndex.AllocatorFree])(allocator, p);
}
