namespace DocRag.Core.Embeddings;

/// <summary>Where a session runs: CPU, CUDA (fail if it cannot), or CUDA when it works and CPU otherwise.</summary>
public enum OnnxExecutionProvider
{
    Auto = 0,
    Cpu = 1,
    Cuda = 2,
}
