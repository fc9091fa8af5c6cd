using System.Text;
using DocRag.Native.Onnx.Handles;

namespace DocRag.Native.Onnx;

/// <summary>Opening a model: session options, execution provider choice (cpu, cuda, auto with fallback).</summary>
public sealed unsafe partial class OnnxSession
{
    private const string CudaProviderName = "CUDAExecutionProvider";
    private const int GraphOptimizationAll = 99;
    private const int ExecutionModeSequential = 0;

    /// <summary>
    /// Opens <paramref name="modelPath"/>. With <see cref="OnnxExecutionProvider.Cuda"/> a CUDA failure is an error;
    /// with <see cref="OnnxExecutionProvider.Auto"/> it falls back to CPU and says why in <see cref="FallbackReason"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="OnnxRuntimeException">ORT could not load the model, or (cuda) could not enable CUDA.</exception>
    public static OnnxSession Create(string modelPath, OnnxSessionSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        settings ??= new OnnxSessionSettings();
        var path = Path.GetFullPath(modelPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The ONNX model file '{path}' does not exist.", path);
        }

        // The environment first: ORT's provider code logs through the logger it registers.
        _ = OnnxEnvironment.Handle;
        var threads = settings.EffectiveIntraOpThreads;
        if (settings.ExecutionProvider == OnnxExecutionProvider.Cpu)
        {
            return Open(path, threads, cudaDevice: null, fallbackReason: null);
        }

        if (settings.ExecutionProvider == OnnxExecutionProvider.Cuda)
        {
            return Open(path, threads, settings.CudaDeviceId, fallbackReason: null);
        }

        try
        {
            return Open(path, threads, settings.CudaDeviceId, fallbackReason: null);
        }
        catch (OnnxRuntimeException cudaFailure)
        {
            // The CPU attempt reports the model's own problems, if that is what failed.
            return Open(path, threads, cudaDevice: null, fallbackReason: cudaFailure.Message);
        }
    }

    private static OnnxSession Open(string path, int threads, int? cudaDevice, string? fallbackReason)
    {
        using var options = CreateOptions(threads);
        if (cudaDevice is { } device)
        {
            AppendCuda(options, device);
        }

        var handle = new OrtSessionHandle();
        nint session;
        nint status;
        if (OperatingSystem.IsWindows())
        {
            fixed (char* widePath = path)
            {
                status = OrtApi.CreateSession(OnnxEnvironment.Handle.DangerousGetHandle(), widePath, options.DangerousGetHandle(), &session);
            }
        }
        else
        {
            var utf8 = Encoding.UTF8.GetBytes(path + "\0");
            fixed (byte* narrowPath = utf8)
            {
                status = OrtApi.CreateSession(OnnxEnvironment.Handle.DangerousGetHandle(), narrowPath, options.DangerousGetHandle(), &session);
            }
        }

        var what = cudaDevice is null ? "ONNX Runtime could not load the model" : "ONNX Runtime could not load the model with the CUDA execution provider";
        OrtStatus.ThrowIfFailed(status, $"{what} '{path}'");
        handle.Attach(session);
        return new OnnxSession(handle, path, cudaDevice is null ? OnnxExecutionProvider.Cpu : OnnxExecutionProvider.Cuda, fallbackReason, threads);
    }

    private static OrtSessionOptionsHandle CreateOptions(int threads)
    {
        var options = new OrtSessionOptionsHandle();
        nint raw;
        OrtStatus.ThrowIfFailed(OrtApi.CreateSessionOptions(&raw), "Creating ONNX Runtime session options failed");
        options.Attach(raw);
        OrtStatus.ThrowIfFailed(OrtApi.SetIntraOpNumThreads(raw, threads), "Setting the intra-op thread count failed");
        OrtStatus.ThrowIfFailed(OrtApi.SetSessionGraphOptimizationLevel(raw, GraphOptimizationAll), "Setting the graph optimisation level failed");
        OrtStatus.ThrowIfFailed(OrtApi.SetSessionExecutionMode(raw, ExecutionModeSequential), "Setting the execution mode failed");
        return options;
    }

    private static void AppendCuda(OrtSessionOptionsHandle options, int deviceId)
    {
        var available = OnnxEnvironment.GetAvailableProviders();
        if (!available.Contains(CudaProviderName))
        {
            throw new OnnxRuntimeException(
                OrtErrorCode.EpFail,
                $"The CUDA execution provider is not available: this ONNX Runtime build only has {string.Join(", ", available)}.");
        }

        const string context = "The CUDA execution provider could not be enabled (run scripts/setup.sh --gpu on a machine with an NVIDIA GPU and CUDA 12, or use the cpu provider)";
        using var cuda = new OrtCudaProviderOptionsHandle();
        nint raw;
        OrtStatus.ThrowIfFailed(OrtApi.CreateCUDAProviderOptions(&raw), context);
        cuda.Attach(raw);

        var key = "device_id\0"u8;
        var value = Encoding.ASCII.GetBytes(deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\0");
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            var keys = k;
            var values = v;
            OrtStatus.ThrowIfFailed(OrtApi.UpdateCUDAProviderOptions(raw, &keys, &values, 1), context);
        }

        OrtStatus.ThrowIfFailed(OrtApi.SessionOptionsAppendExecutionProvider_CUDA_V2(options.DangerousGetHandle(), raw), context);
    }
}
