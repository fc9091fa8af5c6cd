namespace DocRag.Native.Llama;

/// <summary>How to create a context; anything not set keeps <c>llama_context_default_params()</c>.</summary>
public sealed record LlamaContextOptions
{
    /// <summary>Context length in tokens; 0 = the model's training context.</summary>
    public int ContextSize { get; init; } = 4096;

    /// <summary>Most tokens submitted to one <c>llama_decode</c> (prompt processing batch).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Physical micro-batch size; null keeps llama.cpp's default.</summary>
    public int? MicroBatchSize { get; init; }

    /// <summary>Threads for generating single tokens; null keeps llama.cpp's default.</summary>
    public int? Threads { get; init; }

    /// <summary>Threads for prompt processing; null = same as <see cref="Threads"/>.</summary>
    public int? BatchThreads { get; init; }
}
