namespace DocRag.Native.Onnx;

/// <summary>Session options, execution providers, sessions and their metadata.</summary>
internal static unsafe partial class OrtApi
{
    internal static nint CreateSessionOptions(nint* options) =>
        ((delegate* unmanaged<nint*, nint>)Table[OrtApiIndex.CreateSessionOptions])(options);

    internal static void ReleaseSessionOptions(nint options) =>
        ((delegate* unmanaged<nint, void>)Table[OrtApiIndex.ReleaseSessionOptions])(options);

    internal static nint SetSessionExecutionMode(nint options, int mode) =>
        ((delegate* unmanaged<nint, int, nint>)Table[OrtApiIndex.SetSessionExecutionMode])(options, mode);

    internal static nint SetSessionGraphOptimizationLevel(nint options, int level) =>
        ((delegate* unmanaged<nint, int, nint>)Table[OrtApiIndex.SetSessionGraphOptimizationLevel])(options, level);

    internal static nint SetIntraOpNumThreads(nint options, int threads) =>
        ((delegate* unmanaged<nint, int, nint>)Table[OrtApiIndex.SetIntraOpNumThreads])(options, threads);

    internal static nint CreateCUDAProviderOptions(nint* cudaOptions) =>
        ((delegate* unmanaged<nint*, nint>)Table[OrtApiIndex.CreateCUDAProviderOptions])(cudaOptions);

    internal static nint UpdateCUDAProviderOptions(nint cudaOptions, byte** keys, byte** values, nuint count) =>
        ((delegate* unmanaged<nint, byte**, byte**, nuint, nint>)Table[OrtApiIndex.UpdateCUDAProviderOptions])(cudaOptions, keys, values, count);

    internal static void ReleaseCUDAProviderOptions(nint cudaOptions) =>
        ((delegate* unmanaged<nint, void>)Table[OrtApiIndex.ReleaseCUDAProviderOptions])(cudaOptions);

    internal static nint SessionOptionsAppendExecutionProvider_CUDA_V2(nint options, nint cudaOptions) =>
        ((delegate* unmanaged<nint, nint, nint>)Table[OrtApiIndex.SessionOptionsAppendExecutionProvider_CUDA_V2])(options, cudaOptions);

    /// <summary><c>model_path</c> is <c>ORTCHAR_T*</c>: UTF-8 on Linux and macOS, UTF-16 on Windows.</summary>
    internal static nint CreateSession(nint env, void* modelPath, nint options, nint* session) =>
        ((delegate* unmanaged<nint, void*, nint, nint*, nint>)Table[OrtApiIndex.CreateSession])(env, modelPath, options, session);

    internal static void ReleaseSession(nint session) =>
        ((delegate* unmanaged<nint, void>)Table[OrtApiIndex.ReleaseSession])(session);

    internal static nint SessionGetInputCount(nint session, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)Table[OrtApiIndex.SessionGetInputCount])(session, count);

    internal static nint SessionGetOutputCount(nint session, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)Table[OrtApiIndex.SessionGetOutputCount])(session, count);

    internal static nint SessionGetInputName(nint session, nuint index, nint allocator, byte** name) =>
        ((delegate* unmanaged<nint, nuint, nint, byte**, nint>)Table[OrtApiIndex.SessionGetInputName])(session, index, allocator, name);

    internal static nint SessionGetOutputName(nint session, nuint index, nint allocator, byte** name) =>
        ((delegate* unmanaged<nint, nuint, nint, byte**, nint>)Table[OrtApiIndex.SessionGetOutputName])(session, index, allocator, name);

    internal static nint SessionGetInputTypeInfo(nint session, nuint index, nint* typeInfo) =>
        ((delegate* unmanaged<nint, nuint, nint*, nint>)Table[OrtApiIndex.SessionGetInputTypeInfo])(session, index, typeInfo);

    internal static nint SessionGetOutputTypeInfo(nint session, nuint index, nint* typeInfo) =>
        ((delegate* unmanaged<nint, nuint, nint*, nint>)Table[OrtApiIndex.SessionGetOutputTypeInfo])(session, index, typeInfo);

    internal static void ReleaseTypeInfo(nint typeInfo) =>
        ((delegate* unmanaged<nint, void>)Table[OrtApiIndex.ReleaseTypeInfo])(typeInfo);

    internal static nint GetOnnxTypeFromTypeInfo(nint typeInfo, int* onnxType) =>
        ((delegate* unmanaged<nint, int*, nint>)Table[OrtApiIndex.GetOnnxTypeFromTypeInfo])(typeInfo, onnxType);

    /// <summary>The tensor info belongs to the type info: it is never released on its own.</summary>
    internal static nint CastTypeInfoToTensorInfo(nint typeInfo, nint* tensorInfo) =>
        ((delegate* unmanaged<nint, nint*, nint>)Table[OrtApiIndex.CastTypeInfoToTensorInfo])(typeInfo, tensorInfo);

    internal static nint Run(
        nint session, nint runOptions, byte** inputNames, nint* inputs, nuint inputCount, byte** outputNames, nuint outputCount, nint* outputs) =>
        ((delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)Table[OrtApiIndex.Run])(
            session, runOptions, inputNames, inputs, inputCount, outputNames, outputCount, outputs);

    internal static nint CreateRunOptions(nint* runOptions) =>
        ((delegate* unmanaged<nint*, nint>)Table[OrtApiIndex.CreateRunOptions])(runOptions);

    internal static nint RunOptionsSetTerminate(nint runOptions) =>
        ((delegate* unmanaged<nint, nint>)Table[OrtApiIndex.RunOptionsSetTerminate])(runOptions);

    internal static void ReleaseRunOptions(nint runOptions) =>
        ((delegate* unmanaged<nint, void>)Table[OrtApiIndex.ReleaseRunOptions])(runOptions);
}
