using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace DocRag.Core.Embeddings;

/// <summary>
/// One <see cref="InferenceSession"/> over a model file with DocRag's choices made once: full graph optimisation,
/// sequential execution, the intra-op thread count, and the execution provider (cpu; cuda, failing when it cannot;
/// auto, CUDA when it works and the CPU otherwise, with the reason kept). Safe to run from several threads at once.
/// </summary>
internal sealed class OnnxModelSession : IDisposable
{
    private const string CudaProviderName = "CUDAExecutionProvider";

    /// <summary>What ONNX Runtime 1.32's CUDA provider loads (CUDA 13, cuDNN 9).</summary>
    private static readonly string[] CudaLibraries = ["libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcurand.so.10", "libcudnn.so.9"];
    private readonly InferenceSession _session;

    private OnnxModelSession(InferenceSession session, string modelPath, OnnxExecutionProvider provider, string? fallbackReason, int threads)
    {
        _session = session;
        ModelPath = modelPath;
        ExecutionProvider = provider;
        FallbackReason = fallbackReason;
        IntraOpThreads = threads;
        Inputs = Describe(session.InputMetadata);
        Outputs = Describe(session.OutputMetadata);
    }

    /// <summary>The full path of the model file.</summary>
    public string ModelPath { get; }

    /// <summary>The provider the session really runs on: <see cref="OnnxExecutionProvider.Cpu"/> or <see cref="OnnxExecutionProvider.Cuda"/>.</summary>
    public OnnxExecutionProvider ExecutionProvider { get; }

    /// <summary>Why CUDA is not used although the provider was <see cref="OnnxExecutionProvider.Auto"/>; null otherwise.</summary>
    public string? FallbackReason { get; }

    public int IntraOpThreads { get; }

    public IReadOnlyList<OnnxNodeInfo> Inputs { get; }

    public IReadOnlyList<OnnxNodeInfo> Outputs { get; }

    /// <summary>Opens <paramref name="modelPath"/>; <paramref name="threads"/> null means one per physical core.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="EmbeddingModelException">ORT could not load the model, or (cuda) could not enable CUDA.</exception>
    public static OnnxModelSession Create(string modelPath, OnnxExecutionProvider provider, int? threads)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        var path = Path.GetFullPath(modelPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The ONNX model file '{path}' does not exist.", path);
        }

        _ = OnnxEnvironment.Instance; // first, so ORT's own messages go through DocRag's log
        var count = threads is > 0 ? threads.Value : CpuTopology.PhysicalCoreCount;
        if (provider == OnnxExecutionProvider.Cpu)
        {
            return Open(path, count, cuda: false, fallbackReason: null);
        }

        try
        {
            return Open(path, count, cuda: true, fallbackReason: null);
        }
        catch (EmbeddingModelException cudaFailure) when (provider == OnnxExecutionProvider.Auto)
        {
            // The CPU attempt reports the model's own problems, if that is what failed.
            return Open(path, count, cuda: false, fallbackReason: cudaFailure.Message);
        }
    }

    /// <summary>
    /// Runs the model and returns the one output asked for. Cancelling <paramref name="cancellationToken"/> sets ORT's
    /// terminate flag, which stops the run between operators.
    /// </summary>
    public OrtValue Run(IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, string outputName, CancellationToken cancellationToken = default)
    {
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, inputNames, inputs, [outputName]);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        // One output was asked for: the collection only carries it.
        return outputs.Single();
    }

    public void Dispose() => _session.Dispose();

    private static OnnxModelSession Open(string path, int threads, bool cuda, string? fallbackReason)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
        };
        if (cuda)
        {
            AppendCuda(options);
        }

        InferenceSession session;
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException ex)
        {
            var what = cuda ? "ONNX Runtime could not load the model with the CUDA execution provider" : "ONNX Runtime could not load the model";
            throw new EmbeddingModelException($"{what} '{path}': {ex.Message}", ex);
        }

        try
        {
            return new OnnxModelSession(session, path, cuda ? OnnxExecutionProvider.Cuda : OnnxExecutionProvider.Cpu, fallbackReason, threads);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static void AppendCuda(SessionOptions options)
    {
        var available = OnnxEnvironment.AvailableProviders;
        if (!available.Contains(CudaProviderName))
        {
            throw new EmbeddingModelException(
                $"The CUDA execution provider is not available: this build of DocRag has the CPU-only ONNX Runtime ({string.Join(", ", available)}); build it with scripts/setup.sh --gpu (-p:DocRagGpu=true) for CUDA.");
        }

        try
        {
            options.AppendExecutionProvider_CUDA(0);
        }
        catch (OnnxRuntimeException ex)
        {
            // Typically a missing CUDA 13 or cuDNN 9 library; ORT only says "Failed to load shared library", so name them.
            var missing = CudaLibraries.Where(l => !NativeLibrary.TryLoad(l, out _)).ToList();
            var which = missing.Count > 0 ? $"missing: {string.Join(", ", missing)}" : "the CUDA libraries load, so see ONNX Runtime's reason";
            throw new EmbeddingModelException(
                $"The CUDA execution provider could not be enabled (it needs an NVIDIA GPU with CUDA 13 and cuDNN 9; {which}): {ex.Message}", ex);
        }
    }

    private static OnnxNodeInfo[] Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        [.. nodes.Select(n => new OnnxNodeInfo(
            n.Key,
            n.Value.IsTensor ? n.Value.ElementDataType : Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.DataTypeMax,
            n.Value.IsTensor ? [.. n.Value.Dimensions.Select(d => (long)d)] : [],
            n.Value.IsTensor ? n.Value.SymbolicDimensions : []))];
}
