namespace DocRag.Native.Llama;

/// <summary>How to load a model; anything not set keeps <c>llama_model_default_params()</c>.</summary>
public sealed record LlamaModelLoadOptions
{
    /// <summary>Layers to offload to the GPU: null keeps llama.cpp's default, a negative number means all.</summary>
    public int? GpuLayers { get; init; }

    /// <summary>Load only the vocabulary and metadata, no weights (fast; for tokenizers and probes).</summary>
    public bool VocabOnly { get; init; }

    /// <summary>Validate tensor data while loading (slow; catches NaN/garbage weights).</summary>
    public bool CheckTensors { get; init; }
}
