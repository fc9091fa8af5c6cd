using DocRag.Native.Onnx.Handles;

namespace DocRag.Native.Onnx;

/// <summary>The one <c>OrtMemoryInfo</c> that describes CPU memory, shared by every input tensor.</summary>
internal static unsafe class CpuMemory
{
    private const int OrtArenaAllocator = 1;
    private const int OrtMemTypeDefault = 0;

    private static readonly Lazy<OrtMemoryInfoHandle> Shared = new(Create);

    public static OrtMemoryInfoHandle Info => Shared.Value;

    private static OrtMemoryInfoHandle Create()
    {
        var handle = new OrtMemoryInfoHandle();
        nint info;
        OrtStatus.ThrowIfFailed(OrtApi.CreateCpuMemoryInfo(OrtArenaAllocator, OrtMemTypeDefault, &info), "Describing CPU memory to ONNX Runtime failed");
        handle.Attach(info);
        return handle;
    }
}
