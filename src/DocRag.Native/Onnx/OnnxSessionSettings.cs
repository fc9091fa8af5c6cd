namespace DocRag.Native.Onnx;

/// <summary>How an <see cref="OnnxSession"/> is created. Graph optimisation is always ORT's full level.</summary>
public sealed record OnnxSessionSettings
{
    /// <summary>Threads for one operator; null means one per physical core.</summary>
    public int? IntraOpThreads { get; init; }

    public OnnxExecutionProvider ExecutionProvider { get; init; } = OnnxExecutionProvider.Auto;

    /// <summary>The CUDA device used when the provider is CUDA.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>The intra-op thread count these settings give.</summary>
    public int EffectiveIntraOpThreads => IntraOpThreads is > 0 ? IntraOpThreads.Value : CpuTopology.PhysicalCoreCount;
}
